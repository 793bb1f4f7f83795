// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.util.ArrayList;
import java.util.List;

import org.sohosip.core.PhoneNumber;
import org.sohosip.core.PhoneType;

/**
 * A contact's numbers as the text of the {@code NUMBERS} column: one line per number, {@code TYPE}, the number as
 * typed and its matching form separated by tabs. Numbers never hold tabs or line breaks (the API's rules refuse them).
 */
final class NumberText {

    private NumberText() {
    }

    static String write(List<PhoneNumber> numbers) {
        StringBuilder text = new StringBuilder();
        for (PhoneNumber n : numbers) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(n.type().name()).append('\t').append(clean(n.number())).append('\t')
                    .append(n.normalized() == null ? "" : clean(n.normalized()));
        }
        return text.toString();
    }

    static List<PhoneNumber> read(String text) {
        List<PhoneNumber> numbers = new ArrayList<>();
        if (text.isEmpty()) {
            return numbers;
        }
        for (String line : text.split("\n")) {
            String[] parts = line.split("\t", -1);
            numbers.add(new PhoneNumber(PhoneType.valueOf(parts[0]), parts[1], parts.length > 2 ? parts[2] : ""));
        }
        return List.copyOf(numbers);
    }

    /** @return {@code |form|form|}, so that {@code LIKE '%|form|%'} finds an exact form */
    static String matchForms(List<PhoneNumber> numbers) {
        StringBuilder text = new StringBuilder("|");
        for (PhoneNumber n : numbers) {
            if (n.normalized() != null && !n.normalized().isEmpty()) {
                text.append(clean(n.normalized())).append('|');
            }
        }
        return text.toString();
    }

    /** @return the digits as typed and of the matching form, space-separated, for substring search */
    static String searchDigits(List<PhoneNumber> numbers) {
        StringBuilder text = new StringBuilder();
        for (PhoneNumber n : numbers) {
            text.append(' ');
            n.number().chars().filter(Character::isDigit).forEach(c -> text.append((char) c));
            if (n.normalized() != null) {
                text.append(' ').append(n.normalized().replace("+", ""));
            }
        }
        return text.toString();
    }

    private static String clean(String value) {
        return value.replace('\t', ' ').replace('\n', ' ').replace('|', ' ');
    }
}
