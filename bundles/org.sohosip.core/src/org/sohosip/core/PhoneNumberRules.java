// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core;

import java.util.List;

/**
 * How the office turns a phone number as typed or as received into one matching form, so that {@code 0223456789},
 * {@code (02) 2345-6789}, {@code 00886 2 2345 6789} and {@code +886223456789} all find the same contact.
 * <p>
 * The matching form is {@code +} and the international digits for numbers that can be made international, otherwise
 * the bare digits (extensions, short codes). Rules, applied in order to the digits (and a leading {@code +}):
 * <ol>
 * <li>A leading {@code +} means the number is already international.</li>
 * <li>A number starting with the office's outside-line prefix ({@code outsideLinePrefix}, e.g. {@code 9}) that has at
 * least {@value #MIN_NATIONAL_DIGITS} digits after it loses the prefix.</li>
 * <li>A number starting with an international access prefix ({@code internationalPrefixes}, e.g. {@code 00}) is
 * international: the prefix becomes {@code +}.</li>
 * <li>A number starting with the national trunk prefix ({@code trunkPrefix}, e.g. {@code 0}) with at least
 * {@value #MIN_NATIONAL_DIGITS} digits after it is national: the prefix becomes {@code +} and the country code.</li>
 * <li>Anything else stays bare digits.</li>
 * </ol>
 *
 * @param countryCode           the office's country calling code without {@code +}, e.g. {@code 886}; empty turns
 *                              rule 4 off
 * @param trunkPrefix           the national trunk prefix, e.g. {@code 0}
 * @param internationalPrefixes international access prefixes, longest first is not required
 * @param outsideLinePrefix     the digit(s) dialled for an outside line in the office, or empty
 * @since 0.1
 */
public record PhoneNumberRules(String countryCode, String trunkPrefix, List<String> internationalPrefixes,
        String outsideLinePrefix) {

    /** Fewest digits after a prefix for the number to count as a national number rather than a short code. */
    public static final int MIN_NATIONAL_DIGITS = 6;

    /** The rules used when the server says nothing else: Taiwan, trunk prefix 0, access prefix 00. */
    public static final PhoneNumberRules DEFAULT = new PhoneNumberRules("886", "0", List.of("00"), "");

    /** Copies the prefix list. */
    public PhoneNumberRules {
        internationalPrefixes = List.copyOf(internationalPrefixes);
    }

    /**
     * @param number a number as typed or received, possibly a {@code tel:} or {@code sip:} URI
     * @return its matching form; empty when it has no digits
     */
    public String normalize(String number) {
        String text = number.strip();
        int at = text.indexOf('@');
        if (text.regionMatches(true, 0, "sip:", 0, 4) || text.regionMatches(true, 0, "sips:", 0, 5)) {
            text = text.substring(text.indexOf(':') + 1, at > 0 ? at : text.length());
        }
        if (text.regionMatches(true, 0, "tel:", 0, 4)) {
            text = text.substring(4);
        }
        // An extension (";ext=12", " ext. 12", "x12") or tel: parameters are not part of the line's number.
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ';' || c == ',' || Character.isLetter(c)) {
                text = text.substring(0, i);
                break;
            }
        }
        StringBuilder digits = new StringBuilder();
        boolean plus = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.length() == 0) {
                plus = true;
            }
        }
        String d = digits.toString();
        if (d.isEmpty()) {
            return "";
        }
        if (plus) {
            return "+" + d;
        }
        if (!outsideLinePrefix.isEmpty() && d.startsWith(outsideLinePrefix)
                && d.length() - outsideLinePrefix.length() >= MIN_NATIONAL_DIGITS) {
            d = d.substring(outsideLinePrefix.length());
        }
        for (String prefix : internationalPrefixes) {
            if (!prefix.isEmpty() && d.startsWith(prefix) && d.length() > prefix.length() + 4) {
                return "+" + d.substring(prefix.length());
            }
        }
        if (!countryCode.isEmpty() && !trunkPrefix.isEmpty() && d.startsWith(trunkPrefix)
                && d.length() - trunkPrefix.length() >= MIN_NATIONAL_DIGITS) {
            return "+" + countryCode + d.substring(trunkPrefix.length());
        }
        return d;
    }

    /** @return whether two numbers reach the same line under these rules */
    public boolean sameNumber(String a, String b) {
        String na = normalize(a);
        return !na.isEmpty() && na.equals(normalize(b));
    }
}
