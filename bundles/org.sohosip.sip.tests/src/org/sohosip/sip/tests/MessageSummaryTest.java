// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sohosip.sip.MessageSummary;

/** Reading and writing {@code application/simple-message-summary} bodies (RFC 3842 section 5). */
class MessageSummaryTest {

    @Test
    void readsTheRfcExample() {
        String body = "Messages-Waiting: yes\r\nMessage-Account: sip:alice@vmail.example.com\r\n"
                + "Voice-Message: 4/8 (1/2)\r\n\r\nFax-Message: 1/2\r\n";
        MessageSummary s = MessageSummary.parse(body).orElseThrow();
        assertEquals(new MessageSummary(true, 4, 8, 1, 2, "sip:alice@vmail.example.com"), s);
    }

    @Test
    void acceptsLowerCaseLfLinesAndNoUrgentPart() {
        MessageSummary s = MessageSummary.parse("messages-waiting: no\nvoice-message: 0/3\n").orElseThrow();
        assertFalse(s.waiting());
        assertEquals(0, s.newMessages());
        assertEquals(3, s.oldMessages());
        assertEquals(0, s.newUrgent());
    }

    @Test
    void aBodyWithoutMessagesWaitingIsNoSummary() {
        assertTrue(MessageSummary.parse("Voice-Message: 1/0\r\n").isEmpty());
        assertTrue(MessageSummary.parse("").isEmpty());
    }

    @Test
    void aBrokenVoiceLineCountsAsNothingButKeepsTheFlag() {
        MessageSummary s = MessageSummary.parse("Messages-Waiting: yes\r\nVoice-Message: lots\r\n").orElseThrow();
        assertTrue(s.waiting());
        assertEquals(0, s.newMessages());
    }

    @Test
    void writesWhatItReads() {
        MessageSummary s = new MessageSummary(true, 2, 5, 1, 0, null);
        assertEquals("Messages-Waiting: yes\r\nVoice-Message: 2/5 (1/0)\r\n", s.toBody(null));
        assertEquals(s, MessageSummary.parse(s.toBody(null)).orElseThrow());
    }
}
