// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.sohosip.core.Contact;
import org.sohosip.core.ContactRules;
import org.sohosip.core.PhoneNumber;
import org.sohosip.core.api.ContactData;
import org.sohosip.core.api.ImportPreview;
import org.sohosip.core.api.ImportProblem;
import org.sohosip.server.api.internal.exchange.CsvFormat;
import org.sohosip.server.api.internal.exchange.Entry;
import org.sohosip.server.api.internal.exchange.VCardFormat;
import org.sohosip.server.store.ContactStore;

/**
 * What importing a file into one phonebook means: every entry read, checked and classified as new, duplicate (same
 * name and a shared number, or same name and no numbers on either side, as an existing contact or an earlier entry)
 * or invalid. Preview and apply compute the same plan, so apply does exactly what the preview showed.
 */
final class ImportPlan {

    static final int SAMPLE = 100;

    final String format;
    final List<Contact> newContacts = new ArrayList<>();
    final List<ContactData> newData = new ArrayList<>();
    final List<ImportProblem> problems = new ArrayList<>();
    int entries;
    int duplicates;
    int invalid;

    private ImportPlan(String format) {
        this.format = format;
    }

    /**
     * @param upload   the file's bytes (UTF-8, with or without byte order mark)
     * @param vcard    whether it is a vCard file (else CSV)
     * @param existing names and number forms of the phonebook now
     */
    static ImportPlan of(byte[] upload, boolean vcard, List<ContactStore.MatchKey> existing, ContactValidator validator,
            BooleanSupplier cancelled) {
        String text = new String(upload, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        ImportPlan plan = new ImportPlan(vcard ? "vcard" : "csv");
        List<Entry> entries = vcard ? VCardFormat.read(text, cancelled) : CsvFormat.read(text, cancelled);
        Map<String, List<Set<String>>> known = new HashMap<>();
        existing.forEach(c -> remember(known, key(c.displayName()), new HashSet<>(c.normalizedNumbers())));
        for (Entry entry : entries) {
            plan.entries++;
            plan.problems.addAll(entry.problems());
            ContactData data = entry.contact();
            if (data == null) {
                plan.invalid++;
                continue;
            }
            data = lenient(data, entry.line(), plan.problems);
            Map<String, String> fields = validator.check(data);
            if (!fields.isEmpty()) {
                plan.invalid++;
                fields.forEach((field, message) -> plan.problems.add(new ImportProblem(entry.line(), field + ": "
                        + message + " The entry is left out.", true)));
                continue;
            }
            Contact draft = validator.draft(0, data);
            String name = key(draft.displayName());
            Set<String> forms = forms(draft.numbers());
            if (isDuplicate(known, name, forms)) {
                plan.duplicates++;
            } else {
                plan.newContacts.add(draft);
                plan.newData.add(data);
            }
            remember(known, name, forms);
        }
        return plan;
    }

    ImportPreview preview() {
        return new ImportPreview(format, entries, newContacts.size(), duplicates, invalid, problems,
                newData.subList(0, Math.min(SAMPLE, newData.size())));
    }

    /**
     * Real files carry numbers such as "n/a" and addresses without '@': such a value is left out with a warning
     * rather than losing the whole entry.
     */
    private static ContactData lenient(ContactData d, int line, List<ImportProblem> problems) {
        List<PhoneNumber> numbers = new ArrayList<>();
        for (PhoneNumber n : d.numbers() == null ? List.<PhoneNumber>of() : d.numbers()) {
            if (ContactRules.checkNumber(n.number()).isPresent()) {
                problems.add(new ImportProblem(line, "'" + n.number() + "' is not a phone number: that number is"
                        + " left out.", false));
            } else if (numbers.size() < ContactRules.MAX_ITEMS) {
                numbers.add(n);
            }
        }
        List<String> emails = new ArrayList<>();
        for (String e : d.emails() == null ? List.<String>of() : d.emails()) {
            if (ContactRules.checkEmail(e).isPresent()) {
                problems.add(new ImportProblem(line, "'" + e + "' is not an e-mail address: it is left out.",
                        false));
            } else if (emails.size() < ContactRules.MAX_ITEMS) {
                emails.add(e);
            }
        }
        String sip = d.sipAddress() == null ? "" : d.sipAddress();
        if (ContactRules.checkSipAddress(sip).isPresent()) {
            problems.add(new ImportProblem(line, "'" + sip + "' is not a SIP address: it is left out.", false));
            sip = "";
        }
        List<String> groups = d.groups() == null ? List.of() : d.groups().stream()
                .filter(g -> ContactRules.checkGroup(g).isEmpty()).limit(ContactRules.MAX_ITEMS).toList();
        return new ContactData(d.displayName(), d.company(), d.title(), numbers, emails, sip, d.notes(),
                d.favourite(), groups, null);
    }

    private static String key(String name) {
        return ContactRules.fold(name).strip().replaceAll("\\s+", " ");
    }

    private static Set<String> forms(List<PhoneNumber> numbers) {
        Set<String> forms = new HashSet<>();
        numbers.forEach(n -> {
            if (n.normalized() != null && !n.normalized().isEmpty()) {
                forms.add(n.normalized());
            }
        });
        return forms;
    }

    private static boolean isDuplicate(Map<String, List<Set<String>>> known, String name, Set<String> forms) {
        for (Set<String> other : known.getOrDefault(name, List.of())) {
            if (forms.isEmpty() && other.isEmpty()) {
                return true;
            }
            for (String f : forms) {
                if (other.contains(f)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void remember(Map<String, List<Set<String>>> known, String name, Set<String> forms) {
        known.computeIfAbsent(name, k -> new ArrayList<>()).add(forms);
    }
}
