// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.sohosip.server.notify.Notification;

/** The parts of the e-mail that a server would not show plainly: dot-stuffing, encoded words, texts. */
class MailMessageTest {

    @Test
    void aDotStartingALineIsDoubled() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DotStuffingOutputStream dots = new DotStuffingOutputStream(out)) {
            dots.write(".first\r\nmiddle.\r\n".getBytes(StandardCharsets.US_ASCII));
            dots.write('.');
            dots.write("\r\n..two\r\n".getBytes(StandardCharsets.US_ASCII), 0, 9);
        }
        assertEquals("..first\r\nmiddle.\r\n..\r\n...two\r\n", out.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void nonAsciiHeadersBecomeShortEncodedWords() {
        assertEquals("New voicemail", MailMessage.encodedWords("New voicemail"));
        String encoded = MailMessage.encodedWords("New voicemail from 林小明 (0223456789) 林小明林小明林小明林小明");
        for (String word : encoded.split("\r\n ")) {
            assertTrue(word.startsWith("=?UTF-8?B?") && word.endsWith("?=") && word.length() <= 75, word);
        }
        assertTrue(encoded.contains("\r\n "), "long values fold into several words");
    }

    @Test
    void theNoticeTextNamesCallerTimeAndSeconds() {
        Notification n = Notices.notice("+886912345678", null, new byte[0]);
        assertEquals("New voicemail from 0223456789 at 2026-11-26 14:05, 12 s", n.text(Notices.ZONE));
        assertEquals("New voicemail from an unknown caller at 2026-11-26 14:05, 0 s",
                new Notification("alice", "x", "", null, Notices.RECEIVED, Duration.ofMillis(400), null)
                        .text(Notices.ZONE));
        assertTrue(!n.toString().contains("wav"), "toString leaves the audio out");
    }
}
