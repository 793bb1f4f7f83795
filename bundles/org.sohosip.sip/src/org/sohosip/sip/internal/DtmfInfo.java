// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * A DTMF digit carried in a SIP INFO body: {@code application/dtmf-relay} ({@code Signal=5\r\nDuration=160}) or
 * the bare {@code application/dtmf} form.
 *
 * @param digit          one of {@code 0-9 * # A-D}
 * @param durationMillis the duration given, or 0
 */
record DtmfInfo(char digit, int durationMillis) {

    static final String DIGITS = "0123456789*#ABCD";

    /** @return the dtmf-relay body for a digit */
    static String body(char digit, int durationMillis) {
        char d = Character.toUpperCase(digit);
        if (DIGITS.indexOf(d) < 0) {
            throw new IllegalArgumentException("not a DTMF digit: " + digit);
        }
        if (durationMillis < 1) {
            throw new IllegalArgumentException("duration must be positive");
        }
        return "Signal=" + d + "\r\nDuration=" + durationMillis + "\r\n";
    }

    /** @return the digit the body carries, or empty when it carries none */
    static Optional<DtmfInfo> parse(String body) {
        String signal = null;
        int duration = 0;
        String trimmed = body.strip();
        if (!trimmed.contains("=")) {
            signal = trimmed; // application/dtmf: the body is the digit itself
        }
        for (String line : body.split("\r?\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            if (key.equals("signal")) {
                signal = value;
            } else if (key.equals("duration")) {
                try {
                    duration = Math.max(0, Integer.parseInt(value));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        if (signal == null) {
            return Optional.empty();
        }
        // some phones send the RFC 4733 event numbers 10 and 11 for * and #
        String s = switch (signal) {
            case "10" -> "*";
            case "11" -> "#";
            default -> signal.toUpperCase(Locale.ROOT);
        };
        if (s.length() != 1 || DIGITS.indexOf(s.charAt(0)) < 0) {
            return Optional.empty();
        }
        return Optional.of(new DtmfInfo(s.charAt(0), duration));
    }
}
