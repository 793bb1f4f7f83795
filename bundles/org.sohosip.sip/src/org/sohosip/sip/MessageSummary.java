// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The body of an {@code application/simple-message-summary} NOTIFY (RFC 3842): whether messages wait and the voice
 * message counts {@code new/old (urgent_new/urgent_old)}. Other message classes (fax, text) are ignored, as a phone
 * that only knows voicemail does.
 *
 * @param waiting     the {@code Messages-Waiting} answer
 * @param newMessages new (unheard) voice messages
 * @param oldMessages old (heard or saved) voice messages
 * @param newUrgent   of the new ones, how many are urgent
 * @param oldUrgent   of the old ones, how many are urgent
 * @param account     the {@code Message-Account} URI, or {@code null} when the body names none
 * @since 0.1
 */
public record MessageSummary(boolean waiting, int newMessages, int oldMessages, int newUrgent, int oldUrgent,
        @Nullable String account) {

    /** A mailbox that has nothing: what a client assumes before the first NOTIFY. */
    public static final MessageSummary NONE = new MessageSummary(false, 0, 0, 0, 0, null);

    private static final Pattern VOICE = Pattern.compile(
            "(?i)^voice-message\\s*:\\s*(\\d+)\\s*/\\s*(\\d+)(?:\\s*\\(\\s*(\\d+)\\s*/\\s*(\\d+)\\s*\\))?\\s*$");

    /** Checks the values. */
    public MessageSummary {
        if (newMessages < 0 || oldMessages < 0 || newUrgent < 0 || oldUrgent < 0) {
            throw new IllegalArgumentException("message counts cannot be negative");
        }
    }

    /**
     * Reads a body. Header names are case-insensitive, lines may end in CRLF or LF, unknown lines are skipped.
     *
     * @param body the NOTIFY body
     * @return the summary, or empty when the body has no {@code Messages-Waiting} line (not a message summary)
     */
    public static Optional<MessageSummary> parse(String body) {
        Boolean waiting = null;
        int[] voice = { 0, 0, 0, 0 };
        String account = null;
        for (String raw : body.split("\r?\n")) {
            String line = raw.strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (name.equals("messages-waiting")) {
                waiting = value.equalsIgnoreCase("yes");
            } else if (name.equals("message-account")) {
                account = value.isEmpty() ? null : value;
            } else if (name.equals("voice-message")) {
                Matcher m = VOICE.matcher(line);
                if (m.matches()) {
                    for (int i = 0; i < 4; i++) {
                        String g = m.group(i + 1);
                        voice[i] = g == null ? 0 : saturated(g);
                    }
                }
            }
        }
        if (waiting == null) {
            return Optional.empty();
        }
        return Optional.of(new MessageSummary(waiting, voice[0], voice[1], voice[2], voice[3], account));
    }

    /**
     * @param accountUri the {@code Message-Account} to name, or {@code null} for none
     * @return this summary as an {@code application/simple-message-summary} body (CRLF line ends)
     */
    public String toBody(@Nullable String accountUri) {
        StringBuilder b = new StringBuilder();
        b.append("Messages-Waiting: ").append(waiting ? "yes" : "no").append("\r\n");
        if (accountUri != null) {
            b.append("Message-Account: ").append(accountUri).append("\r\n");
        }
        b.append("Voice-Message: ").append(newMessages).append('/').append(oldMessages).append(" (")
                .append(newUrgent).append('/').append(oldUrgent).append(")\r\n");
        return b.toString();
    }

    /** A count too long for an int is a broken server, not a reason to drop the whole summary. */
    private static int saturated(String digits) {
        return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }
}
