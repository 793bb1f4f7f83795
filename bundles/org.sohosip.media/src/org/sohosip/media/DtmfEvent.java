// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media;

import java.time.Duration;

/**
 * One DTMF key press received as an RFC 4733 event or heard as tones.
 *
 * @param digit    one of {@code 0-9 * # A-D}
 * @param duration how long the key was held, as the sender reported it (for tones: as heard, in 10 ms steps)
 * @param volume   the power level the sender reported, 0 to 63 (−dBm0; for tones: the mean level heard)
 * @since 0.1
 */
public record DtmfEvent(char digit, Duration duration, int volume) {

    private static final String DIGITS = "0123456789*#ABCD";

    /**
     * @param digit a character
     * @return whether it is a DTMF digit ({@code 0-9 * # A-D}, upper case)
     */
    public static boolean isDigit(char digit) {
        return DIGITS.indexOf(digit) >= 0;
    }

    /**
     * @param code an RFC 4733 event code
     * @return its digit, or {@code 0} when the code is not a DTMF digit (codes 0-15 are)
     */
    public static char digitOfCode(int code) {
        return code >= 0 && code < DIGITS.length() ? DIGITS.charAt(code) : 0;
    }

    /**
     * @param digit a DTMF digit
     * @return its RFC 4733 event code
     * @throws IllegalArgumentException when it is not a DTMF digit
     */
    public static int codeOf(char digit) {
        int code = DIGITS.indexOf(Character.toUpperCase(digit));
        if (code < 0) {
            throw new IllegalArgumentException("'" + digit + "' is not a DTMF digit (0-9, *, #, A-D)");
        }
        return code;
    }
}
