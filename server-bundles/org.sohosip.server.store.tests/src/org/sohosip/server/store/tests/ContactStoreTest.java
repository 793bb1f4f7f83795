// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.sohosip.core.Account;
import org.sohosip.core.Contact;
import org.sohosip.core.PhoneNumber;
import org.sohosip.core.PhoneNumberRules;
import org.sohosip.core.PhoneType;
import org.sohosip.server.store.ContactStore;
import org.sohosip.server.store.Credentials;
import org.sohosip.server.store.NoSuchContactException;
import org.sohosip.server.store.StaleContactException;
import org.sohosip.server.store.UserSettingsStore;

/** The phonebook and settings stores on a real Derby network server. */
class ContactStoreTest {

    private static StoreRunner store;
    private static ContactStore contacts;
    private static UserSettingsStore settings;
    private static long anna;
    private static long ben;

    @BeforeAll
    static void start() throws Exception {
        store = StoreRunner.fresh();
        store.start();
        contacts = service(ContactStore.class);
        settings = service(UserSettingsStore.class);
        anna = store.accounts().create(new Account(0, "anna", "Anna", "501", List.of(), false, true),
                Credentials.derive("anna", "r", "anna-password-1")).id();
        ben = store.accounts().create(new Account(0, "ben", "Ben", "502", List.of(), false, true),
                Credentials.derive("ben", "r", "ben-password-1")).id();
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
    }

    private static <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(FrameworkUtil.getBundle(ContactStoreTest.class)
                .getBundleContext(), type, null);
        tracker.open();
        T service = tracker.waitForService(StoreRunner.TIMEOUT.toMillis());
        if (service == null) {
            throw new AssertionError(type.getSimpleName() + " did not appear");
        }
        return service;
    }

    static Contact draft(String name, String company, String... numbers) {
        List<PhoneNumber> list = java.util.Arrays.stream(numbers).map(n -> new PhoneNumber(PhoneType.MOBILE, n,
                PhoneNumberRules.DEFAULT.normalize(n))).toList();
        return new Contact(0, name, company, "", list, List.of(name.toLowerCase().replace(' ', '.') + "@example.org"),
                "", "", false, List.of("Friends"), Instant.EPOCH, Instant.EPOCH, 0);
    }

    @Test
    void createFindUpdateDeleteWithVersions() {
        Contact created = contacts.create(anna, draft("Zoë Åberg", "Acme", "(02) 2345-6789"));
        assertTrue(created.id() > 0);
        assertEquals("+886223456789", created.numbers().get(0).normalized());
        assertEquals(List.of("Friends"), created.groups());
        assertEquals(created, contacts.find(anna, created.id()).orElseThrow());

        Contact edited = new Contact(created.id(), "Zoë Åberg-Lind", "Acme", "CEO", created.numbers(),
                List.of("z@example.org", "zoe@example.org"), "sip:zoe@example.org", "line 1\nline 2", true,
                List.of("Work", "VIP"), created.created(), created.updated(), created.version());
        Contact updated = contacts.update(anna, edited, created.version());
        assertNotEquals(created.version(), updated.version());
        assertEquals(List.of("z@example.org", "zoe@example.org"), updated.emails());
        assertEquals("line 1\nline 2", updated.notes());
        assertTrue(updated.favourite());

        StaleContactException stale = assertThrows(StaleContactException.class,
                () -> contacts.update(anna, edited, created.version()));
        assertEquals(updated, stale.current());
        assertThrows(StaleContactException.class, () -> contacts.delete(anna, created.id(), created.version()));

        contacts.delete(anna, created.id(), updated.version());
        assertTrue(contacts.find(anna, created.id()).isEmpty());
        assertThrows(NoSuchContactException.class, () -> contacts.delete(anna, created.id(), null));
    }

    @Test
    void anotherOwnersContactDoesNotExist() {
        Contact bens = contacts.create(ben, draft("Private Person", "", "0912345678"));
        assertTrue(contacts.find(anna, bens.id()).isEmpty());
        assertThrows(NoSuchContactException.class, () -> contacts.update(anna, bens, bens.version()));
        assertThrows(NoSuchContactException.class, () -> contacts.delete(anna, bens.id(), null));
        assertTrue(contacts.search(anna, "Private", "", ContactStore.Sort.NAME, false, 0, 50).items().isEmpty());
        assertTrue(contacts.byNumber(anna, "+886912345678").isEmpty());
        assertEquals(List.of(bens), contacts.byNumber(ben, "+886912345678"));
        assertEquals(bens, contacts.find(ben, bens.id()).orElseThrow(), "still there for its owner");
    }

    @Test
    void searchIsCaseAndAccentInsensitiveAndFindsDigits() {
        long owner = store.accounts().create(new Account(0, "carla", "Carla", "503", List.of(), false, true),
                Credentials.derive("carla", "r", "carla-password-1")).id();
        contacts.createAll(owner, List.of(draft("Élodie Müller", "Café Crème", "+886 2 2345 6789"),
                draft("Bob Smith", "Widgets_Inc", "0911 222 333"), draft("Chloé 100%", "", "3301")));
        assertEquals(List.of("Élodie Müller"), names(contacts.search(owner, "ELODIE", "", ContactStore.Sort.NAME,
                false, 0, 50)));
        assertEquals(List.of("Élodie Müller"), names(contacts.search(owner, "cafe creme", "",
                ContactStore.Sort.NAME, false, 0, 50)));
        assertEquals(List.of("Élodie Müller"), names(contacts.search(owner, "0223456789", "+886223456789",
                ContactStore.Sort.NAME, false, 0, 50)), "national form finds the international number");
        assertEquals(List.of("Bob Smith"), names(contacts.search(owner, "222333", "222333", ContactStore.Sort.NAME,
                false, 0, 50)));
        assertEquals(List.of("Bob Smith"), names(contacts.search(owner, "bob.smith@", "", ContactStore.Sort.NAME,
                false, 0, 50)));
        assertEquals(List.of("Chloé 100%"), names(contacts.search(owner, "100%", "", ContactStore.Sort.NAME, false,
                0, 50)), "% is a character, not a wildcard");
        assertTrue(contacts.search(owner, "b_b", "", ContactStore.Sort.NAME, false, 0, 50).items().isEmpty(),
                "_ is a character, not a wildcard");
        ContactStore.Page all = contacts.search(owner, "", "", ContactStore.Sort.NAME, true, 0, 2);
        assertEquals(3, all.total());
        assertEquals(List.of("Élodie Müller", "Chloé 100%"), names(all), "descending by folded name, paged");
        assertEquals(List.of("Bob Smith"), names(contacts.search(owner, "", "", ContactStore.Sort.NAME, true, 2,
                2)));
    }

    @Test
    void createAllIsAllOrNothing() {
        long owner = store.accounts().create(new Account(0, "dora", "Dora", "504", List.of(), false, true),
                Credentials.derive("dora", "r", "dora-password-1")).id();
        Contact tooLong = draft("x".repeat(300), "", "123456");
        assertThrows(RuntimeException.class, () -> contacts.createAll(owner, List.of(draft("Fine", "", "1234567"),
                tooLong)));
        assertTrue(contacts.all(owner).isEmpty(), "the first contact was not kept");
    }

    @Test
    void settingsAreReplacedWholeAndKeptPerAccount() {
        assertEquals(Map.of(), settings.get(anna));
        settings.replace(anna, Map.of("ringtone", "bells.wav", "ui.theme", "dark", "note", "ünïcödé = x"));
        settings.replace(ben, Map.of("ringtone", "classic.wav"));
        assertEquals(Map.of("ringtone", "bells.wav", "ui.theme", "dark", "note", "ünïcödé = x"), settings.get(anna));
        assertEquals(Map.of("ui.theme", "light"), settings.replace(anna, Map.of("ui.theme", "light")));
        assertEquals(Map.of("ringtone", "classic.wav"), settings.get(ben));
        assertFalse(settings.get(anna).containsKey("ringtone"));
    }

    private static List<String> names(ContactStore.Page page) {
        return page.items().stream().map(Contact::displayName).toList();
    }
}
