// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sohosip.core.api.MailboxSettingsChange;
import org.sohosip.media.Tone;
import org.sohosip.server.store.GreetingKind;
import org.sohosip.sip.SipCallState;

/**
 * Mailbox options by phone ({@code 0}): the owner records the unavailable greeting, and the next caller hears it
 * before the beep; the owner changes the PIN, after which the new PIN opens the mailbox from another phone and the
 * old one does not.
 */
class MailboxOptionsIntegrationTest {

    private static final double GREETING_HZ = 700;
    private static VoicemailTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = VoicemailTestServer.get();
        server.account("dave", "3304");
    }

    @Test
    void theRecordedUnavailableGreetingIsWhatTheNextCallerHears() throws Exception {
        long dave = server.account("dave").id();
        server.voicemail.setGreeting(dave, GreetingKind.UNAVAILABLE, new byte[0]);
        try (TestPhone phone = new TestPhone(server, "dave")) {
            phone.dial("*97", server.audio.silence()); // own phone: no PIN asked
            Thread.sleep(1000); // the summary starts
            phone.press("01"); // options, record the unavailable greeting
            assertTrue(phone.awaitBeep(), "the beep before the greeting is recorded");
            Thread.sleep(500); // the beep's own length
            phone.media.setSource(server.audio.tone(new Tone(GREETING_HZ, 0, -12, Duration.ofSeconds(60),
                    Duration.ZERO)));
            Thread.sleep(2500); // the owner speaks the greeting
            phone.media.setSource(server.audio.silence());
            phone.press("#");
            VoicemailTestServer.await("the greeting to be stored",
                    () -> server.voicemail.greeting(dave, GreetingKind.UNAVAILABLE).isPresent());
            phone.call.hangUp();
        }
        byte[] stored = server.voicemail.greeting(dave, GreetingKind.UNAVAILABLE).orElseThrow();
        DepositIntegrationTest.assertToneFills(Pcm.fromBytes(stored, 0, stored.length), GREETING_HZ, 2000);

        try (TestPhone caller = new TestPhone(server, "alice")) {
            caller.dial("3304", server.audio.silence()); // dave has no phone registered: the unavailable greeting
            assertTrue(caller.awaitBeep(), "the beep after the greeting");
            byte[] heard = caller.heard.drain();
            DepositIntegrationTest.assertToneFills(Pcm.fromBytes(heard, 0, heard.length), GREETING_HZ, 2000);
            caller.call.hangUp();
        }
    }

    @Test
    void aPinChangedByPhoneOpensTheMailboxAndTheOldOneNoLonger() throws Exception {
        long dave = server.account("dave").id();
        server.voicemail.updateSettings(dave, new MailboxSettingsChange(null, null, "2468", null, null, null, null));
        try (TestPhone phone = new TestPhone(server, "dave")) {
            phone.dial("*97", server.audio.silence());
            Thread.sleep(1000);
            phone.press("04"); // options, change the PIN
            Thread.sleep(500); // into the new-PIN prompt
            phone.press("135790#");
            VoicemailTestServer.await("the new PIN", () -> server.voicemail.pinMatches(dave, "135790"));
            phone.call.hangUp();
        }
        assertFalse(server.voicemail.pinMatches(dave, "2468"), "the old PIN is replaced");

        try (TestPhone other = new TestPhone(server, "alice")) { // another phone: mailbox and PIN asked
            other.dial("8500", server.audio.silence());
            Thread.sleep(800);
            other.press("3304#135790#");
            Thread.sleep(1000); // the summary starts
            other.press("04"); // only a logged-in caller gets the options: change the PIN once more
            Thread.sleep(500);
            other.press("8642#");
            VoicemailTestServer.await("the PIN set after logging in with the new one",
                    () -> server.voicemail.pinMatches(dave, "8642"));
            other.call.hangUp();
        }

        try (TestPhone other = new TestPhone(server, "alice")) {
            other.dial("8500", server.audio.silence());
            for (int attempt = 0; attempt < 3; attempt++) {
                Thread.sleep(800);
                other.press("3304#2468#"); // the PIN before the change
            }
            VoicemailTestServer.await("voicemail to end the call after three wrong PINs",
                    () -> other.call.state() == SipCallState.ENDED);
            assertTrue(other.call.endReason().orElseThrow().byRemote(), "voicemail hung up");
            assertTrue(server.voicemail.pinMatches(dave, "8642"), "nothing changed by the refused caller");
        }
    }
}
