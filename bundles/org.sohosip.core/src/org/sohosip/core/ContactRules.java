// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules a contact's fields follow, shared by the server (which enforces them) and the client (which shows the
 * messages next to the fields), and the text folding both use for case- and accent-insensitive search.
 *
 * @since 0.1
 */
public final class ContactRules {

    /** Longest display name, company or title. */
    public static final int MAX_NAME = 200;
    /** Longest notes. */
    public static final int MAX_NOTES = 4000;
    /** Most numbers, e-mail addresses or groups on one contact. */
    public static final int MAX_ITEMS = 20;

    private static final Pattern NUMBER = Pattern.compile(
            "([+]?[0-9 ()./*#-]{1,40}(\\s*(x|ext\\.?|extension)\\s*[0-9]{1,8})?)|tel:[^\\s]{1,60}",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}");
    private static final Pattern SIP = Pattern.compile("sips?:[^@\\s]{1,64}@[^@\\s]{1,190}|sips?:[^@\\s]{1,190}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private ContactRules() {
    }

    /** @return a message when the display name is blank or too long */
    public static Optional<String> checkDisplayName(String name) {
        return !name.isBlank() && name.length() <= MAX_NAME ? Optional.empty()
                : Optional.of("A name is 1 to " + MAX_NAME + " characters.");
    }

    /** @return a message when a company or title is too long */
    public static Optional<String> checkText(String text) {
        return text.length() <= MAX_NAME ? Optional.empty()
                : Optional.of("At most " + MAX_NAME + " characters.");
    }

    /** @return a message when the notes are too long */
    public static Optional<String> checkNotes(String notes) {
        return notes.length() <= MAX_NOTES ? Optional.empty()
                : Optional.of("Notes are at most " + MAX_NOTES + " characters.");
    }

    /** @return a message when a phone number has characters a phone cannot dial or no digit at all */
    public static Optional<String> checkNumber(String number) {
        return NUMBER.matcher(number.strip()).matches() && number.chars().anyMatch(Character::isDigit)
                ? Optional.empty()
                : Optional.of("'" + number + "' is not a phone number: use digits, and optionally + ( ) - . spaces and an extension (ext. 12).");
    }

    /** @return a message when an e-mail address does not look like one */
    public static Optional<String> checkEmail(String email) {
        return EMAIL.matcher(email.strip()).matches() ? Optional.empty()
                : Optional.of("'" + email + "' is not an e-mail address (name@example.org).");
    }

    /** @return a message when a SIP address is not a sip: or sips: URI */
    public static Optional<String> checkSipAddress(String sip) {
        return sip.isEmpty() || SIP.matcher(sip.strip()).matches() ? Optional.empty()
                : Optional.of("A SIP address looks like sip:name@example.org.");
    }

    /** @return a message when a group name is blank or too long */
    public static Optional<String> checkGroup(String group) {
        return !group.isBlank() && group.length() <= 100 ? Optional.empty()
                : Optional.of("A group name is 1 to 100 characters.");
    }

    /**
     * @return {@code text} lower-cased with accents removed ({@code "Élodie"} becomes {@code "elodie"}), for
     *         matching only
     */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)
                .replace('ß', 's').replace('ø', 'o').replace('ł', 'l').replace('đ', 'd');
    }
}
