// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sohosip.core.Account;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.Credentials;
import org.sohosip.server.store.DuplicateException;
import org.sohosip.server.store.NoSuchAccountException;
import org.sohosip.server.store.internal.PasswordHashing;
import org.sohosip.server.store.internal.UniqueViolations;

/** The account repository against the real database; each test uses its own names. */
class AccountStoreTest {

    private static final String REALM = "office.example";
    private static StoreRunner store;

    @BeforeAll
    static void start() throws Exception {
        store = StoreRunner.fresh();
        store.start();
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
    }

    private static AccountStore accounts() {
        return store.accounts();
    }

    private static Account draft(String username, String extension, String... aliases) {
        return new Account(0, username, "Name of " + username, extension, List.of(aliases), false, true);
    }

    private static Credentials credentials(String username, String password) {
        // A low iteration count keeps the test fast; the stored format is the same.
        return new Credentials(PasswordHashing.hash(password, 1_000), PasswordHashing.ha1("MD5", username, REALM,
                password), PasswordHashing.ha1("SHA-256", username, REALM, password), REALM);
    }

    private static Account create(String username, String extension, String... aliases) {
        return accounts().create(draft(username, extension, aliases), credentials(username, "pw-" + username));
    }

    @Test
    void createFindUpdateListCount() {
        long before = accounts().count();
        Account anna = create("anna", "2001", "reception", "2000");
        assertTrue(anna.id() > 0);
        assertEquals(new Account(anna.id(), "anna", "Name of anna", "2001", List.of("reception", "2000"), false, true),
                anna);
        assertEquals(before + 1, accounts().count());
        assertEquals(Optional.of(anna), accounts().find(anna.id()));
        assertEquals(Optional.of(anna), accounts().findByUsername("anna"));
        assertEquals(Optional.empty(), accounts().findByUsername("Anna"), "user names are case-sensitive");
        assertEquals(Optional.of(anna), accounts().findByExtension("2001"));
        assertEquals(Optional.of(anna), accounts().findByAlias("reception"));
        assertEquals(Optional.of(anna), accounts().findByAlias("2000"));
        assertEquals(Optional.empty(), accounts().findByAlias("2001"), "an extension is not an alias");

        Account changed = new Account(anna.id(), "ignored", "Anna Berg", "2002", List.of("2000", "front-desk"), true,
                false);
        Account updated = accounts().update(changed);
        assertEquals(new Account(anna.id(), "anna", "Anna Berg", "2002", List.of("2000", "front-desk"), true, false),
                updated, "everything but the user name changes; the alias order is kept");
        assertEquals(Optional.of(updated), accounts().find(anna.id()));
        assertEquals(Optional.empty(), accounts().findByExtension("2001"));
        assertEquals(Optional.empty(), accounts().findByAlias("reception"));
        assertEquals(Optional.of(updated), accounts().findByAlias("front-desk"));
        assertEquals(before + 1, accounts().count());

        Account reordered = accounts().update(new Account(anna.id(), "anna", "Anna Berg", "2002",
                List.of("front-desk", "2000"), true, true));
        assertEquals(List.of("front-desk", "2000"), reordered.aliases());

        Account zed = create("zed", "2099");
        Account bert = create("bert", "2003");
        List<String> names = accounts().list().stream().map(Account::username).toList();
        assertEquals(names.stream().sorted().toList(), names, "ordered by user name");
        assertTrue(names.containsAll(List.of("anna", "bert", "zed")));
        assertEquals(accounts().count(), names.size());
        assertTrue(accounts().list().contains(reordered));
        assertTrue(accounts().list().contains(zed) && accounts().list().contains(bert));
    }

    @Test
    void duplicatesAcrossUsernamesExtensionsAndAliasesWriteNothing() throws Exception {
        Account carl = create("carl", "3001", "sales", "3000");
        long count = accounts().count();
        List<String> aliasesBefore = aliasTable();

        assertDuplicate("username", () -> create("carl", "3002"));
        assertDuplicate("extension", () -> create("carla", "3001"));
        assertDuplicate("extension", () -> create("carla", "3000"), "extension = another's alias");
        assertDuplicate("aliases", () -> create("carla", "3002", "free-alias", "sales"));
        assertDuplicate("aliases", () -> create("carla", "3002", "3001"), "alias = another's extension");
        assertDuplicate("aliases", () -> create("carla", "3002", "carl"), "alias = another's user name");
        assertDuplicate("username", () -> create("sales", "3002"), "user name = another's alias");
        assertDuplicate("aliases", () -> create("carla", "3002", "twice", "twice"), "alias listed twice");

        assertEquals(count, accounts().count(), "no account was written");
        assertEquals(aliasesBefore, aliasTable(), "no alias was written");
        assertEquals(Optional.empty(), accounts().findByUsername("carla"));
        assertEquals(Optional.empty(), accounts().findByAlias("free-alias"));

        Account dora = create("dora", "3003");
        assertDuplicate("extension", () -> accounts().update(withNames(dora, "3001")));
        assertDuplicate("aliases", () -> accounts().update(withNames(dora, "3003", "sales")));
        assertDuplicate("aliases", () -> accounts().update(withNames(dora, "3003", "new-one", "3001")));
        assertEquals(Optional.of(dora), accounts().find(dora.id()), "a refused update changes nothing");
        assertEquals(Optional.of(carl), accounts().find(carl.id()));

        // An account's own names are no conflict with itself.
        Account same = accounts().update(withNames(carl, "3001", "3000", "sales", "carl"));
        assertEquals(List.of("3000", "sales", "carl"), same.aliases());
    }

    @Test
    void updateOrResetOfMissingAccountFails() {
        long missing = 987_654_321L;
        NoSuchAccountException e = assertThrows(NoSuchAccountException.class,
                () -> accounts().update(new Account(missing, "ghost", "Ghost", "9999", List.of(), false, true)));
        assertTrue(e.getMessage().contains(String.valueOf(missing)), e.getMessage());
        assertThrows(NoSuchAccountException.class,
                () -> accounts().setCredentials(missing, credentials("ghost", "whatever1")));
        assertEquals(Optional.empty(), accounts().find(missing));
        assertEquals(Optional.empty(), accounts().findByExtension("9999"));
    }

    @Test
    void onlyHashesAreStored() throws Exception {
        String password = "Clear-Text-Pw-4711";
        Account eva = accounts().create(draft("eva", "4001"), Credentials.derive("eva", REALM, password));
        try (Connection c = store.connectAsOwner(); Statement s = c.createStatement();
                ResultSet row = s.executeQuery("SELECT * FROM SOHOSIP.ACCOUNTS WHERE USERNAME = 'eva'")) {
            assertTrue(row.next());
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                String value = String.valueOf(row.getObject(i));
                assertFalse(value.contains(password), row.getMetaData().getColumnName(i) + " holds the password");
            }
            String hash = row.getString("PASSWORD_HASH");
            assertTrue(hash.startsWith("pbkdf2-sha256$" + PasswordHashing.ITERATIONS + "$"), "PBKDF2 format");
            assertTrue(PasswordHashing.verify(password, hash));
            assertEquals(PasswordHashing.ha1("MD5", "eva", REALM, password), row.getString("HA1_MD5"));
            assertEquals(PasswordHashing.ha1("SHA-256", "eva", REALM, password), row.getString("HA1_SHA256"));
            assertEquals(REALM, row.getString("REALM"));
        }
        Credentials stored = accounts().credentials("eva").orElseThrow();
        assertTrue(stored.matches(password));
        assertFalse(stored.matches("wrong-password"));

        accounts().setCredentials(eva.id(), Credentials.derive("eva", REALM, "New-Pw-0815"));
        Credentials reset = accounts().credentials("eva").orElseThrow();
        assertTrue(reset.matches("New-Pw-0815"));
        assertFalse(reset.matches(password));
        assertEquals(Optional.empty(), accounts().credentials("nobody"));
    }

    @Test
    void uniqueViolationThatRacesPastTheCheckBecomesDuplicate() throws Exception {
        Account fritz = create("fritz", "5001", "5000");
        // Rows written behind the store's back (as a second writer would) break the unique constraints; the
        // database's own errors are mapped to the field they guard.
        assertEquals("username", duplicateFieldOf("INSERT INTO SOHOSIP.ACCOUNTS (USERNAME, DISPLAY_NAME, EXTENSION,"
                + " PASSWORD_HASH, HA1_MD5, HA1_SHA256, REALM, CREATED_AT, UPDATED_AT) VALUES ('fritz', 'x', '5999',"
                + " 'h', 'm', 's', 'r', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
        assertEquals("extension", duplicateFieldOf("INSERT INTO SOHOSIP.ACCOUNTS (USERNAME, DISPLAY_NAME, EXTENSION,"
                + " PASSWORD_HASH, HA1_MD5, HA1_SHA256, REALM, CREATED_AT, UPDATED_AT) VALUES ('fritz2', 'x', '5001',"
                + " 'h', 'm', 's', 'r', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
        assertEquals("aliases", duplicateFieldOf("INSERT INTO SOHOSIP.ACCOUNT_ALIASES (ALIAS, ACCOUNT_ID,"
                + " LIST_POSITION) VALUES ('5000', " + fritz.id() + ", 7)"));
    }

    private static String duplicateFieldOf(String sql) throws Exception {
        try (Connection c = store.connectAsOwner(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(sql));
            assertEquals("23505", e.getSQLState(), e.getMessage());
            return UniqueViolations.asDuplicate(new RuntimeException("commit failed", e)).orElseThrow().field();
        }
    }

    private static Account withNames(Account account, String extension, String... aliases) {
        return new Account(account.id(), account.username(), account.displayName(), extension, List.of(aliases),
                account.admin(), account.enabled());
    }

    private static List<String> aliasTable() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = store.connectAsOwner(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT ALIAS, ACCOUNT_ID, LIST_POSITION FROM SOHOSIP.ACCOUNT_ALIASES"
                        + " ORDER BY ALIAS")) {
            while (r.next()) {
                rows.add(r.getString(1) + "/" + r.getLong(2) + "/" + r.getInt(3));
            }
        }
        return rows;
    }

    private static void assertDuplicate(String field, Runnable call) {
        assertDuplicate(field, call, field);
    }

    private static void assertDuplicate(String field, Runnable call, String what) {
        DuplicateException e = assertThrows(DuplicateException.class, call::run, what);
        assertEquals(field, e.field(), what + ": " + e.getMessage());
        assertNotEquals("", e.getMessage());
    }
}
