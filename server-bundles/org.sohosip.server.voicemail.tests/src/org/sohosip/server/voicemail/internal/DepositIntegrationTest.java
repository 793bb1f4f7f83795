// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sohosip.core.api.VoicemailFolder;
import org.sohosip.core.api.VoicemailMessage;
import org.sohosip.media.Tone;
import org.sohosip.media.ToneDetector;
import org.sohosip.server.store.VoicemailAudio;
import org.sohosip.sip.SipCall;
import org.sohosip.sip.SipCallListener;

/**
 * Messages left through the real proxy by real user agents: when the callee is not registered, does not answer or
 * is busy. The stored message names the caller and mailbox, and its audio is the tone that was sent, for as long as
 * it was sent.
 */
class DepositIntegrationTest {

    private static VoicemailTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = VoicemailTestServer.get();
    }

    @Test
    void aCallerLeavesAMessageForSomeoneNotRegistered() throws Exception {
        VoicemailMessage message = leaveMessage("alice", "carol", 440, null);
        assertEquals("alice", message.caller());
        assertEquals("carol", message.mailbox());
    }

    @Test
    void anUnansweredCallLeavesAMessage() throws Exception {
        try (TestPhone bob = new TestPhone(server, "bob")) {
            bob.register(new SipCallListener() {
                // rings and never answers
            });
            VoicemailMessage message = leaveMessage("alice", "3302", 600, null);
            assertEquals("bob", message.mailbox());
        }
    }

    @Test
    void aBusyCalleeLeavesAMessage() throws Exception {
        try (TestPhone bob = new TestPhone(server, "bob")) {
            bob.register(new SipCallListener() {
                @Override
                public void incomingCall(SipCall call) {
                    call.rejectBusy();
                }
            });
            VoicemailMessage message = leaveMessage("carol", "bob", 800, null);
            assertEquals("carol", message.caller());
            assertEquals("bob", message.mailbox());
        }
    }

    /**
     * Calls {@code target}, waits for the beep, sends a tone for 3 s, hangs up, and checks the stored message.
     */
    private static VoicemailMessage leaveMessage(String caller, String target, double hz, String unused)
            throws Exception {
        String owner = server.accounts.findByExtension(target).or(() -> server.accounts.findByUsername(target))
                .orElseThrow().username();
        long mailbox = server.account(owner).id();
        List<VoicemailMessage> before = server.voicemail.messages(mailbox, null);
        try (TestPhone phone = new TestPhone(server, caller)) {
            phone.dial(target, server.audio.silence());
            assertTrue(phone.awaitBeep(), "the beep after the greeting");
            Thread.sleep(500); // the beep's own length: the message starts after it
            phone.media.setSource(server.audio.tone(new Tone(hz, 0, -12, Duration.ofSeconds(60), Duration.ZERO)));
            Thread.sleep(3000); // the caller speaks for 3 s
            phone.call.hangUp();
        }
        VoicemailMessage[] found = new VoicemailMessage[1];
        VoicemailTestServer.await("the message for " + owner, () -> {
            List<VoicemailMessage> now = server.voicemail.messages(mailbox, VoicemailFolder.NEW);
            for (VoicemailMessage m : now) {
                if (before.stream().noneMatch(b -> b.id() == m.id())) {
                    found[0] = m;
                    return true;
                }
            }
            return false;
        });
        VoicemailMessage message = found[0];
        assertEquals(caller, message.caller());
        assertTrue(message.durationMillis() >= 2800 && message.durationMillis() <= 4500,
                "3 s of tone and a little silence: " + message.durationMillis() + " ms");
        VoicemailAudio audio = server.voicemail.audio(mailbox, message.id()).orElseThrow();
        short[] samples;
        try (InputStream in = audio.open(0, audio.length() - 1)) {
            samples = Pcm.fromWav(in.readAllBytes());
        }
        assertToneFills(samples, hz, 2500);
        return message;
    }

    /** At least {@code millis} of 20 ms frames carry the tone (most of their energy at {@code hz}). */
    static void assertToneFills(short[] samples, double hz, long millis) throws Exception {
        ToneDetector detector = VoicemailTestServer.get().audio.toneDetector(hz);
        short[] frame = new short[160];
        for (int at = 0; at + 160 <= samples.length; at += 160) {
            System.arraycopy(samples, at, frame, 0, 160);
            detector.write(frame);
        }
        long frames = detector.framesPresent(hz);
        assertTrue(frames * 20L >= millis, "the " + hz + " Hz tone was in " + frames * 20 + " ms of the message");
    }
}
