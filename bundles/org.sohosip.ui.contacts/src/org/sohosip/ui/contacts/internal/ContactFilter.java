// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.contacts.internal;

import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.Contact;
import org.sohosip.core.ContactRules;
import org.sohosip.core.PhoneNumber;
import org.sohosip.core.PhoneNumberRules;

/**
 * Filter-as-you-type over the phonebook in memory, matching as the server's search does: names, company, title and
 * e-mail without regard to case or accents, number digits as typed or normalized, and the group chosen.
 */
final class ContactFilter {

    /** Shows only favourites. */
    static final String FAVOURITES = "\u0000favourites";

    private ContactFilter() {
    }

    static List<Contact> apply(List<Contact> all, String text, @Nullable String group, PhoneNumberRules rules) {
        String q = ContactRules.fold(text.strip());
        String digits = q.replaceAll("[^0-9]", "");
        String normalized = q.chars().anyMatch(Character::isLetter) || digits.isEmpty() ? ""
                : rules.normalize(q).replace("+", "");
        return all.stream().filter(c -> inGroup(c, group)).filter(c -> q.isEmpty() || matches(c, q, digits,
                normalized)).toList();
    }

    private static boolean inGroup(Contact c, @Nullable String group) {
        if (group == null) {
            return true;
        }
        return FAVOURITES.equals(group) ? c.favourite() : c.groups().contains(group);
    }

    private static boolean matches(Contact c, String q, String digits, String normalized) {
        if (ContactRules.fold(c.displayName()).contains(q) || ContactRules.fold(c.company()).contains(q)
                || ContactRules.fold(c.title()).contains(q)
                || c.emails().stream().anyMatch(e -> ContactRules.fold(e).contains(q))) {
            return true;
        }
        if (digits.isEmpty() || digits.length() < q.replaceAll("[\\s()+./-]", "").length()) {
            return false; // the query has letters: it is no number
        }
        for (PhoneNumber n : c.numbers()) {
            String typed = n.number().replaceAll("[^0-9]", "");
            String form = n.normalized() == null ? "" : n.normalized().replace("+", "");
            if (typed.contains(digits) || form.contains(digits) || (!normalized.isEmpty() && form.contains(normalized))) {
                return true;
            }
        }
        return false;
    }

    /** @return the contact's numbers as one line, e.g. "Mobile 0912 345 678, Office 3301" */
    static String numbers(Contact c) {
        StringBuilder out = new StringBuilder();
        for (PhoneNumber n : c.numbers()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(typeLabel(n)).append(' ').append(n.number());
        }
        return out.toString();
    }

    static String typeLabel(PhoneNumber n) {
        return switch (n.type()) {
        case EXTENSION -> Messages.Type_EXTENSION;
        case OFFICE -> Messages.Type_OFFICE;
        case MOBILE -> Messages.Type_MOBILE;
        case HOME -> Messages.Type_HOME;
        case FAX -> Messages.Type_FAX;
        case OTHER -> Messages.Type_OTHER;
        };
    }

    /** @return what to dial for a contact: its first number that is no fax, else its SIP address, else nothing */
    static @Nullable String dialTarget(Contact c) {
        for (PhoneNumber n : c.numbers()) {
            if (n.type() != org.sohosip.core.PhoneType.FAX) {
                return n.number();
            }
        }
        return c.sipAddress().isEmpty() ? null : c.sipAddress();
    }
}
