// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sohosip.core.api.VoicemailCounts;
import org.sohosip.core.api.VoicemailFolder;
import org.sohosip.core.api.VoicemailMessage;
import org.sohosip.media.Tone;
import org.sohosip.sip.MessageSummary;
import org.sohosip.sip.SipCallListener;

/**
 * The caller's choice after {@code #}: {@code 4} stores the message as urgent, {@code 1} as normal, and hanging up
 * during the choice keeps it as normal. The owner's registered phone, which never subscribed, is told the counts
 * (urgent ones included) by an unsolicited NOTIFY.
 */
class UrgentDepositIntegrationTest {

    private static VoicemailTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = VoicemailTestServer.get();
        server.account("frank", "3306");
    }

    @Test
    void fourMarksTheMessageUrgentAndTheOwnersPhoneIsToldWithoutSubscribing() throws Exception {
        long frank = server.account("frank").id();
        VoicemailCounts before = server.voicemail.counts(frank);
        List<MessageSummary> told = new CopyOnWriteArrayList<>();
        try (TestPhone owner = new TestPhone(server, "frank")) {
            owner.ua.messageWaiting().addListener(told::add);
            owner.register(new SipCallListener() {
                // rings and never answers: the caller reaches the mailbox after the ring time
            });
            VoicemailMessage message = leave("alice", "3306", "4");
            assertTrue(message.urgent(), "4 after # marks the message urgent");
            VoicemailCounts after = server.voicemail.counts(frank);
            assertEquals(before.newUrgent() + 1, after.newUrgent(), "counted as urgent");
            VoicemailTestServer.await("an unsolicited NOTIFY with the urgent message counted", () -> told.stream()
                    .anyMatch(s -> s.waiting() && s.newMessages() == after.newMessages()
                            && s.oldMessages() == after.oldMessages() && s.newUrgent() == after.newUrgent()));
            assertTrue(owner.ua.messageWaiting().current().newUrgent() >= 1, told.toString());
        }
    }

    @Test
    void oneSendsTheMessageAsNormal() throws Exception {
        VoicemailMessage message = leave("carol", "3306", "1");
        assertFalse(message.urgent(), "1 after # sends it as it is");
    }

    @Test
    void hangingUpDuringTheChoiceKeepsTheMessageAsNormal() throws Exception {
        VoicemailMessage message = leave("bob", "3306", "");
        assertFalse(message.urgent(), "no choice made: a normal message");
        assertTrue(message.durationMillis() >= 2000, "the message is kept whole: " + message.durationMillis());
    }

    /**
     * Calls {@code target}, speaks (a tone) for 2.5 s after the beep, presses {@code #} and then {@code choice}
     * during the review prompt (hangs up there when it is empty), and returns the new message.
     */
    private static VoicemailMessage leave(String caller, String target, String choice) throws Exception {
        long mailbox = server.account("frank").id();
        List<Long> before = server.voicemail.messages(mailbox, null).stream().map(VoicemailMessage::id).toList();
        try (TestPhone phone = new TestPhone(server, caller)) {
            phone.dial(target, server.audio.silence());
            assertTrue(phone.awaitBeep(), "the beep after the greeting");
            Thread.sleep(500); // the beep's own length
            phone.media.setSource(server.audio.tone(new Tone(500, 0, -12, Duration.ofSeconds(60), Duration.ZERO)));
            Thread.sleep(2500); // the caller speaks
            phone.media.setSource(server.audio.silence());
            phone.press("#");
            Thread.sleep(1500); // into the review prompt
            assertTrue(server.voicemail.messages(mailbox, null).stream().allMatch(m -> before.contains(m.id())),
                    "the message is not stored before the caller chose");
            if (choice.isEmpty()) {
                phone.call.hangUp();
            } else {
                phone.press(choice);
            }
            VoicemailMessage[] found = new VoicemailMessage[1];
            VoicemailTestServer.await("the message from " + caller, () -> {
                for (VoicemailMessage m : server.voicemail.messages(mailbox, VoicemailFolder.NEW)) {
                    if (!before.contains(m.id())) {
                        found[0] = m;
                        return true;
                    }
                }
                return false;
            });
            assertEquals(caller, found[0].caller());
            return found[0];
        }
    }
}
