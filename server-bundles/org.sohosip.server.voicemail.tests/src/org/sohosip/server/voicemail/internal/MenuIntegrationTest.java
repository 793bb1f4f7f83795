// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sohosip.core.api.MailboxSettingsChange;
import org.sohosip.core.api.VoicemailFolder;
import org.sohosip.core.api.VoicemailMessage;
import org.sohosip.media.Tone;
import org.sohosip.server.store.VoicemailRecording;
import org.sohosip.sip.SipCallState;

/**
 * The voicemail menu driven by a real user agent with keys sent as RFC 4733 events, as SIP INFO and as in-band
 * tones: each key press acts exactly once (7 deletes; a second 7 would restore). Wrong PINs end the call.
 */
class MenuIntegrationTest {

    private static VoicemailTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = VoicemailTestServer.get();
    }

    private static VoicemailMessage deposit(long mailbox, String caller) {
        try (VoicemailRecording r = server.voicemail.startRecording(mailbox, caller, null, false, Instant.now())) {
            byte[] audio = new byte[8000 * 2 * 4]; // 4 s of a quiet hum: long enough to press keys during it
            for (int i = 0; i < audio.length / 2; i++) {
                short s = (short) (2000 * Math.sin(2 * Math.PI * 300 * i / 8000.0));
                audio[2 * i] = (byte) s;
                audio[2 * i + 1] = (byte) (s >> 8);
            }
            r.append(audio, 0, audio.length);
            return r.finish();
        }
    }

    @Test
    void keysByRtpEventsInfoAndToneEachActOnce() throws Exception {
        long carol = server.account("carol").id();
        for (VoicemailMessage m : server.voicemail.messages(carol, null)) {
            server.voicemail.setDeleted(carol, m.id(), true);
        }
        VoicemailMessage older = deposit(carol, "3301");
        VoicemailMessage newer = deposit(carol, "3302");
        try (TestPhone phone = new TestPhone(server, "carol")) {
            phone.dial("*97", server.audio.silence()); // own phone: no PIN asked
            Thread.sleep(1000); // the summary starts
            phone.media.sendDtmf('1', Duration.ofMillis(160)); // RFC 4733: play the newest message
            Thread.sleep(1500); // into the announcement
            phone.ua.dtmf().sendInfo(phone.call, '7', 160); // SIP INFO: delete it
            VoicemailTestServer.await("the message to be deleted",
                    () -> server.voicemail.message(carol, newer.id()).orElseThrow().deleted());
            Thread.sleep(1500); // a repeated 7 would restore it now
            assertTrue(server.voicemail.message(carol, newer.id()).orElseThrow().deleted(), "7 acted once");
            phone.call.hangUp();
        }
        try (TestPhone phone = new TestPhone(server, "carol")) {
            phone.dial("*97", server.audio.silence());
            Thread.sleep(1000);
            key(phone, '1'); // in-band: play the (now only) new message
            Thread.sleep(1500);
            key(phone, '9'); // in-band: save it
            VoicemailTestServer.await("the message to be saved",
                    () -> server.voicemail.message(carol, older.id()).orElseThrow().folder() == VoicemailFolder.SAVED);
            phone.call.hangUp();
        }
    }

    @Test
    void threeWrongPinsEndTheCall() throws Exception {
        long bob = server.account("bob").id();
        server.voicemail.updateSettings(bob, new MailboxSettingsChange(null, null, "2468", null, null, null, null));
        try (TestPhone phone = new TestPhone(server, "alice")) {
            phone.dial("8500", server.audio.silence());
            for (int attempt = 0; attempt < 3; attempt++) {
                Thread.sleep(800);
                for (char c : "3302#1111#".toCharArray()) {
                    phone.ua.dtmf().sendInfo(phone.call, c, 100);
                    Thread.sleep(150);
                }
            }
            VoicemailTestServer.await("voicemail to hang up", () -> phone.call.state() == SipCallState.ENDED);
            assertEquals(true, phone.call.endReason().orElseThrow().byRemote());
        }
    }

    /** Sends a key as its two tones in the audio for 120 ms. */
    private static void key(TestPhone phone, char key) throws InterruptedException {
        double[] low = { 697, 770, 852, 941 };
        double[] high = { 1209, 1336, 1477, 1633 };
        int i = "123A456B789C*0#D".indexOf(key);
        phone.media.setSource(server.audio.tone(new Tone(low[i / 4], high[i % 4], -10, Duration.ofSeconds(5),
                Duration.ZERO)));
        Thread.sleep(120);
        phone.media.setSource(server.audio.silence());
    }
}
