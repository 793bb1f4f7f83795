// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.Contact;
import org.sohosip.core.ContactRules;
import org.sohosip.core.PhoneNumber;
import org.sohosip.core.PhoneNumberRules;
import org.sohosip.core.api.ContactData;

/**
 * Checks a {@link ContactData} against {@link ContactRules}, collecting every problem at once (field name to
 * message; list fields are named like {@code numbers[1]}), and turns a valid one into a store draft with the
 * matching form of every number.
 */
final class ContactValidator {

    private final PhoneNumberRules rules;

    ContactValidator(PhoneNumberRules rules) {
        this.rules = rules;
    }

    /** @return the problems; empty when the body is valid */
    Map<String, String> check(ContactData body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.displayName() == null) {
            fields.put("displayName", AccountValidator.REQUIRED);
        } else {
            ContactRules.checkDisplayName(body.displayName().strip()).ifPresent(m -> fields.put("displayName", m));
        }
        text(fields, "company", body.company(), ContactRules::checkText);
        text(fields, "title", body.title(), ContactRules::checkText);
        text(fields, "notes", body.notes(), ContactRules::checkNotes);
        text(fields, "sipAddress", body.sipAddress(), ContactRules::checkSipAddress);
        List<PhoneNumber> numbers = body.numbers() == null ? List.of() : body.numbers();
        count(fields, "numbers", numbers.size());
        for (int i = 0; i < numbers.size(); i++) {
            PhoneNumber n = numbers.get(i);
            String name = "numbers[" + i + "]";
            if (n == null || n.type() == null || n.number() == null) {
                fields.put(name, "A number needs a type and a number.");
            } else {
                ContactRules.checkNumber(n.number()).ifPresent(m -> fields.put(name, m));
            }
        }
        list(fields, "emails", body.emails(), ContactRules::checkEmail);
        list(fields, "groups", body.groups(), ContactRules::checkGroup);
        return fields;
    }

    /** @return the store draft of a valid body, with text stripped and numbers normalized */
    Contact draft(long id, ContactData body) {
        List<PhoneNumber> numbers = new ArrayList<>();
        if (body.numbers() != null) {
            body.numbers().forEach(n -> numbers.add(new PhoneNumber(n.type(), n.number().strip(),
                    rules.normalize(n.number()))));
        }
        return new Contact(id, strip(body.displayName()), strip(body.company()), strip(body.title()), numbers,
                stripAll(body.emails()), strip(body.sipAddress()), notes(body.notes()),
                Boolean.TRUE.equals(body.favourite()), distinct(stripAll(body.groups())), Instant.EPOCH,
                Instant.EPOCH, 0);
    }

    private static void text(Map<String, String> fields, String name, @Nullable String value,
            Function<String, Optional<String>> rule) {
        if (value != null) {
            rule.apply(value.strip()).ifPresent(m -> fields.put(name, m));
        }
    }

    private static void count(Map<String, String> fields, String name, int size) {
        if (size > ContactRules.MAX_ITEMS) {
            fields.put(name, "At most " + ContactRules.MAX_ITEMS + " entries.");
        }
    }

    private static void list(Map<String, String> fields, String name, @Nullable List<String> values,
            Function<String, Optional<String>> rule) {
        if (values == null) {
            return;
        }
        count(fields, name, values.size());
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String field = name + "[" + i + "]";
            if (value == null) {
                fields.put(field, "An entry cannot be null.");
            } else {
                rule.apply(value.strip()).ifPresent(m -> fields.put(field, m));
            }
        }
    }

    private static String strip(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    /** Notes keep their inner line breaks; only the ends are trimmed, and CRLF becomes LF. */
    private static String notes(@Nullable String value) {
        return value == null ? "" : value.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static List<String> stripAll(@Nullable List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).toList();
    }

    private static List<String> distinct(List<String> values) {
        return values.stream().distinct().toList();
    }
}
