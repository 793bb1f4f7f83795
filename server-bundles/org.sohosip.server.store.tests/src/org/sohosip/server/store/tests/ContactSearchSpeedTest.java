// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sohosip.core.Account;
import org.sohosip.core.Contact;
import org.sohosip.core.ContactRules;
import org.sohosip.core.PhoneNumber;
import org.sohosip.core.PhoneNumberRules;
import org.sohosip.core.PhoneType;
import org.sohosip.server.store.ContactStore;
import org.sohosip.server.store.Credentials;

/**
 * Search over one owner's 50,000 contacts inside the store (no HTTP), with the query mix of
 * {@code releng/bench/contacts}: every answer is checked, and the times are printed as figures. The search copy is
 * kept in step with writes, so a change is found at once and the next search does not rebuild the copy.
 */
class ContactSearchSpeedTest {

    private static final String[] GIVEN = { "Anna", "Björn", "Chloé", "Daniel", "Élodie", "Fang", "Giulia", "Hiroshi",
            "Ines", "Jürgen", "Kenji", "Lena", "Mateo", "Nora", "Oskar", "Priya", "Quentin", "Rosa", "Søren", "Tomás",
            "Ulla", "Wei", "Yara", "Zoë" };
    private static final String[] FAMILY = { "Åberg", "Bell", "Chen", "Dubois", "Eriksson", "Fischer", "García",
            "Huang", "Ivanova", "Jensen", "Kowalski", "Lefèvre", "Müller", "Nakamura", "O'Brien", "Pereira", "Rossi",
            "Schmidt", "Tanaka", "Novák", "Wang", "Yilmaz" };

    @Test
    void searchOverFiftyThousandContacts() throws Exception {
        try (StoreRunner store = StoreRunner.fresh()) {
            store.start();
            ContactStore contacts = store.other(ContactStore.class);
            long owner = store.accounts().create(new Account(0, "bulk", "Bulk", "701", List.of(), false, true),
                    Credentials.derive("bulk", "r", "bulk-password-1")).id();
            Random random = new Random(1);
            List<Contact> drafts = new ArrayList<>();
            for (int k = 0; k < 50_000; k++) {
                String given = GIVEN[random.nextInt(GIVEN.length)];
                String mobile = String.format("09%08d", k);
                drafts.add(new Contact(0, given + " " + FAMILY[random.nextInt(FAMILY.length)] + " " + k, "Acme", "",
                        List.of(new PhoneNumber(PhoneType.MOBILE, mobile, PhoneNumberRules.DEFAULT.normalize(mobile))),
                        List.of(ContactRules.fold(given) + "." + k + "@example.org"), "", "", false, List.of(),
                        Instant.EPOCH, Instant.EPOCH, 0));
            }
            long begin = System.nanoTime();
            for (int from = 0; from < drafts.size(); from += 10_000) {
                contacts.createAll(owner, drafts.subList(from, from + 10_000));
            }
            System.out.println("[FIGURE] store: 50,000 contacts written in 5 transactions: "
                    + (System.nanoTime() - begin) / 1_000_000 + " ms");

            List<String> queries = new ArrayList<>();
            for (int i = 0; i < 110; i++) {
                String name = ContactRules.fold(random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)]
                        : FAMILY[random.nextInt(FAMILY.length)]);
                int start = random.nextInt(Math.max(1, name.length() - 3));
                queries.add(name.substring(start, Math.min(name.length(), start + 3 + random.nextInt(3))));
                queries.add(String.format("%05d", random.nextInt(50_000)).substring(0, 4 + random.nextInt(2))
                        + random.nextInt(10));
                queries.add(String.format("09%08d", random.nextInt(50_000)));
                queries.add(ContactRules.fold(GIVEN[random.nextInt(GIVEN.length)]) + "." + random.nextInt(50_000)
                        + "@");
            }
            long first = System.nanoTime();
            contacts.search(owner, "ann", "", ContactStore.Sort.NAME, false, 0, 50);
            System.out.println("[FIGURE] store: first search, building the copy of 50,000 contacts: "
                    + (System.nanoTime() - first) / 1_000_000 + " ms");
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < queries.size(); i++) {
                String q = queries.get(i);
                String digits = q.chars().allMatch(Character::isDigit) ? PhoneNumberRules.DEFAULT.normalize(q) : "";
                long t = System.nanoTime();
                ContactStore.Page page = contacts.search(owner, q, digits, ContactStore.Sort.NAME, false, 0, 50);
                double ms = (System.nanoTime() - t) / 1e6;
                if (i >= 40) {
                    times.add(ms);
                }
                for (Contact c : page.items()) {
                    String text = ContactRules.fold(c.displayName() + " " + String.join(" ", c.emails()) + " "
                            + c.numbers().get(0).number() + " " + c.numbers().get(0).normalized());
                    assertTrue(text.contains(q) || !digits.isEmpty() && text.contains(digits.replace("+", "")),
                            q + " found " + c.displayName());
                }
                assertTrue(page.items().size() <= 50 && page.total() >= page.items().size());
            }
            times.sort(null);
            System.out.printf("[FIGURE] store: search over 50,000 contacts (%d queries, no HTTP): p50 %.1f ms, "
                    + "p95 %.1f ms, max %.1f ms%n", times.size(), times.get(times.size() / 2),
                    times.get((int) Math.ceil(times.size() * 0.95) - 1), times.get(times.size() - 1));

            // A write is in the copy at once, and the copy is not rebuilt for it.
            Contact kate = contacts.create(owner, new Contact(0, "Kate Zyxwv", "", "", List.of(), List.of(), "", "",
                    false, List.of(), Instant.EPOCH, Instant.EPOCH, 0));
            long t = System.nanoTime();
            assertEquals(List.of(kate), contacts.search(owner, "zyxwv", "", ContactStore.Sort.NAME, false, 0, 50)
                    .items());
            System.out.println("[FIGURE] store: search right after a write: " + (System.nanoTime() - t) / 1_000_000
                    + " ms");
            Contact renamed = contacts.update(owner, new Contact(kate.id(), "Kate Qwvut", "", "", List.of(),
                    List.of(), "", "", false, List.of(), Instant.EPOCH, Instant.EPOCH, 0), kate.version());
            assertEquals(0, contacts.search(owner, "zyxwv", "", ContactStore.Sort.NAME, false, 0, 50).total());
            assertEquals(List.of(renamed), contacts.search(owner, "qwvut", "", ContactStore.Sort.NAME, false, 0, 50)
                    .items());
            contacts.delete(owner, kate.id(), null);
            assertEquals(0, contacts.search(owner, "qwvut", "", ContactStore.Sort.NAME, false, 0, 50).total());
            assertEquals(50_000, contacts.search(owner, "", "", ContactStore.Sort.NAME, false, 0, 1).total());
        }
    }
}
