// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.server.notify.Notification;

/**
 * The e-mail of one notice (RFC 5322 with MIME, RFC 2045-2047): a short text part and, when the recording can be
 * read, the WAV file as an attachment. The attachment is streamed from the store in Base64, so a three-minute
 * message never sits in memory whole.
 */
final class MailMessage implements SmtpClient.Body {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT);
    private static final byte[] CRLF = { '\r', '\n' };

    private final Notification notice;
    private final String from;
    private final ZoneId zone;
    private final String boundary = "=_sohosip_" + UUID.randomUUID();

    MailMessage(Notification notice, String from, ZoneId zone) {
        this.notice = notice;
        this.from = from;
        this.zone = zone;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        Notification.@Nullable WavSource wav = notice.wav();
        line(out, "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(zone)));
        line(out, "From: " + from);
        line(out, "To: " + notice.recipient());
        line(out, "Subject: " + encodedWords("New voicemail from " + notice.callerDisplay()));
        line(out, "Message-ID: <" + UUID.randomUUID() + "@" + domainOf(from) + ">");
        line(out, "MIME-Version: 1.0");
        line(out, "Auto-Submitted: auto-generated");
        line(out, "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"");
        line(out, "");
        line(out, "--" + boundary);
        line(out, "Content-Type: text/plain; charset=UTF-8");
        line(out, "Content-Transfer-Encoding: base64");
        line(out, "");
        String text = notice.text(zone) + ".\r\n\r\n" + (wav != null ? "The message is attached as a WAV file."
                : "Listen to it on your phone or in the SOHOSIP client.") + "\r\n";
        line(out, Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        if (wav != null) {
            String name = attachmentName();
            line(out, "--" + boundary);
            line(out, "Content-Type: audio/wav; name=\"" + name + "\"");
            line(out, "Content-Transfer-Encoding: base64");
            line(out, "Content-Disposition: attachment; filename=\"" + name + "\"");
            line(out, "");
            try (InputStream audio = wav.open(); OutputStream b64 = Base64.getMimeEncoder().wrap(new Unclosed(out))) {
                audio.transferTo(b64);
            }
            out.write(CRLF);
        }
        line(out, "--" + boundary + "--");
    }

    /** @return e.g. voicemail-20261126-1405-3301.wav; only safe characters, so no quoting questions arise */
    String attachmentName() {
        String caller = notice.caller().replaceAll("[^A-Za-z0-9+_-]", "");
        return "voicemail-" + FILE_TIME.format(notice.receivedAt().atZone(zone))
                + (caller.isEmpty() ? "" : "-" + caller) + ".wav";
    }

    /** A header value in ASCII as is, otherwise as UTF-8 encoded words of at most 75 characters each. */
    static String encodedWords(String value) {
        if (value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return value;
        }
        StringBuilder result = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            // 45 bytes encode to 60 Base64 characters: with "=?UTF-8?B?" and "?=" a word stays within 75.
            int end = i;
            int bytes = 0;
            while (end < value.length()) {
                int cp = value.codePointAt(end);
                int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (bytes + len > 45) {
                    break;
                }
                bytes += len;
                end += Character.charCount(cp);
            }
            if (result.length() > 0) {
                result.append("\r\n ");
            }
            result.append("=?UTF-8?B?").append(Base64.getEncoder().encodeToString(
                    value.substring(i, end).getBytes(StandardCharsets.UTF_8))).append("?=");
            i = end;
        }
        return result.toString();
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at >= 0 ? address.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "") : "sohosip.invalid";
    }

    private static void line(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.write(CRLF);
    }

    /** The Base64 encoder's close must finish the encoding without closing the connection. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
