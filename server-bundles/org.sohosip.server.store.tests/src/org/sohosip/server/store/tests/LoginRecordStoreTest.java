// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sohosip.core.LoginEvent;
import org.sohosip.core.LoginRecord;
import org.sohosip.server.store.LoginRecordStore;

class LoginRecordStoreTest {

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

    @Test
    void newestFirstAndFilteredByUser() {
        LoginRecordStore logins = store.logins();
        Instant before = Instant.now();
        List<LoginRecord> written = new ArrayList<>();
        written.add(logins.record("gina", LoginEvent.LOGIN, "127.0.0.1"));
        written.add(logins.record("hugo", LoginEvent.FAILED, "::1"));
        written.add(logins.record("gina", LoginEvent.LOGOUT, "127.0.0.1"));
        written.add(logins.record("nobody-such", LoginEvent.REFUSED, "192.0.2.7"));
        written.add(logins.record("gina", LoginEvent.FAILED, "2001:db8::1"));
        Instant after = Instant.now();

        LoginRecord first = written.get(0);
        assertEquals("gina", first.username());
        assertEquals(LoginEvent.LOGIN, first.event());
        assertEquals("127.0.0.1", first.address());
        assertFalse(first.at().isBefore(before) || first.at().isAfter(after), "stamped with the current time");

        List<LoginRecord> newestFirst = new ArrayList<>(written);
        newestFirst.sort(Comparator.comparing(LoginRecord::at).thenComparing(LoginRecord::id).reversed());
        // Other tests of this class may have written older records: the newest five are these.
        assertEquals(newestFirst, logins.recent(5), "newest first, as written");
        assertEquals(List.of(written.get(4), written.get(3)), newestFirst.subList(0, 2));
        assertEquals(newestFirst.subList(0, 2), logins.recent(2));
        assertEquals(List.of(written.get(4), written.get(2), written.get(0)), logins.forUser("gina", 10));
        assertEquals(List.of(written.get(4)), logins.forUser("gina", 1));
        assertEquals(List.of(written.get(1)), logins.forUser("hugo", 10));
        assertEquals(List.of(), logins.forUser("GINA", 10), "user names are case-sensitive");
        assertEquals(List.of(), logins.recent(0));
    }

    @Test
    void timesAreStoredAsUtcWhateverTheServerZone() throws Exception {
        assertNotEquals(ZoneOffset.UTC, ZoneId.systemDefault().getRules().getOffset(Instant.now()),
                "this test runs in a zone other than UTC (see the pom)");
        LoginRecord written = store.logins().record("ida", LoginEvent.LOGIN, "127.0.0.1");
        LoginRecord read = store.logins().forUser("ida", 1).get(0);
        assertEquals(written, read);
        assertTrue(Duration.between(read.at(), Instant.now()).abs().toMinutes() < 1, read.at().toString());
        try (Connection c = store.connectAsOwner(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT OCCURRED_AT FROM SOHOSIP.LOGIN_RECORDS WHERE ID = " + read.id())) {
            assertTrue(r.next());
            assertEquals(LocalDateTime.ofInstant(read.at(), ZoneOffset.UTC), LocalDateTime.parse(
                    r.getString(1).replace(' ', 'T')), "the column holds UTC wall-clock time");
        }
    }

    @Test
    void overlongInputIsCutNotRefused() {
        String longName = "x".repeat(1000);
        LoginRecord record = store.logins().record(longName, LoginEvent.FAILED, "127.0.0.1");
        assertEquals(255, record.username().length());
        assertEquals(record, store.logins().forUser("x".repeat(255), 1).get(0));
    }
}
