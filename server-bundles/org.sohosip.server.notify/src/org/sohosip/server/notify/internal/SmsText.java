// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

import java.nio.charset.StandardCharsets;

import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;

/**
 * How a notice and an address travel in a submit_sm: plain ASCII text in the SMSC's default alphabet, anything
 * else (a caller name in Chinese) in UCS-2; phone numbers with a leading {@code +} as international ISDN numbers,
 * letters as an alphanumeric sender.
 */
record SmsText(DataCoding coding, byte[] bytes) {

    /** One SMS holds 140 octets; a longer notice would need concatenation, which not every SMSC does. */
    static final int MAX_OCTETS = 140;

    static SmsText of(String text) {
        boolean ascii = text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        if (ascii) {
            return new SmsText(new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), truncate(
                    text.getBytes(StandardCharsets.US_ASCII), 1));
        }
        return new SmsText(new GeneralDataCoding(Alphabet.ALPHA_UCS2), truncate(
                text.getBytes(StandardCharsets.UTF_16BE), 2));
    }

    private static byte[] truncate(byte[] b, int unit) {
        if (b.length <= MAX_OCTETS) {
            return b;
        }
        int n = MAX_OCTETS - MAX_OCTETS % unit;
        // A UTF-16 high surrogate must not be left alone at the end.
        if (unit == 2 && (b[n - 2] & 0xfc) == 0xd8) {
            n -= 2;
        }
        byte[] cut = new byte[n];
        System.arraycopy(b, 0, cut, 0, n);
        return cut;
    }

    /** An SMPP address: its type of number, numbering plan and digits. */
    record Address(TypeOfNumber ton, NumberingPlanIndicator npi, String value) {

        static Address of(String address) {
            String a = address.strip();
            if (a.startsWith("+") && a.substring(1).matches("[0-9]+")) {
                return new Address(TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, a.substring(1));
            }
            if (a.matches("[0-9]+")) {
                return new Address(TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, a);
            }
            if (a.isEmpty()) {
                return new Address(TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "");
            }
            return new Address(TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, a);
        }
    }
}
