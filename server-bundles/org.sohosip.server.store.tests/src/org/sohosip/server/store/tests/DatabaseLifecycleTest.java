// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.sohosip.core.Account;
import org.sohosip.core.LoginEvent;
import org.sohosip.server.store.Credentials;

/** Start, restart and refusal of the real database. Each test has its own data folder and port. */
class DatabaseLifecycleTest {

    /** The schema versions this bundle ships, in order. */
    private static final List<String> MIGRATIONS = List.of("1", "2", "3", "4", "5", "6");


    @Test
    void firstStartMigratesAndLocksTheDatabase() throws Exception {
        try (StoreRunner store = StoreRunner.fresh()) {
            store.start();

            assertEquals(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), store.port),
                    store.database().address());
            assertEquals("jdbc:derby://127.0.0.1:" + store.port + "/sohosip", store.database().url());
            assertTrue(Files.isDirectory(store.dataDir.resolve("db/sohosip")));
            assertTrue(Files.exists(store.dataDir.resolve("db/derby.log")), "Derby's log stays in the data folder");

            assertEquals(PosixFilePermissions.fromString("rw-------"),
                    Files.getPosixFilePermissions(store.passwordFile()));
            assertTrue(store.password().length() >= 32, "a long random password");

            try (Connection c = store.connectAsOwner(); Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT \"version\", \"success\" FROM SOHOSIP.\"flyway_schema_history\""
                        + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
                    List<String> applied = new java.util.ArrayList<>();
                    while (r.next()) {
                        assertTrue(r.getBoolean(2), "migration " + r.getString(1) + " succeeded");
                        applied.add(r.getString(1));
                    }
                    assertEquals(MIGRATIONS, applied);
                }
                assertEquals(List.of("ACCOUNTS", "ACCOUNT_ALIASES", "ACCOUNT_GROUPS", "BILLING_RECORDS", "CALL_RECORDS",
                        "CONTACTS", "EMERGENCY_NUMBERS", "GATEWAYS", "INBOUND_NUMBERS", "LOGIN_RECORDS",
                        "MAILBOX_SETTINGS", "ROUTE_RULES", "SIP_BINDINGS", "USER_SETTINGS", "VOICEMAIL_AUDIO",
                        "VOICEMAIL_GREETINGS", "VOICEMAIL_MESSAGES"), tables(c));
            }

            assertRefused(store, new Properties(), "no credentials");
            Properties wrong = new Properties();
            wrong.setProperty("user", "sohosip");
            wrong.setProperty("password", "not-the-password");
            assertRefused(store, wrong, "wrong password");
            Properties stranger = new Properties();
            stranger.setProperty("user", "app");
            stranger.setProperty("password", store.password());
            assertRefused(store, stranger, "another user with the right password");
        }
    }

    @Test
    void restartKeepsDataAndPassword() throws Exception {
        try (StoreRunner store = StoreRunner.fresh()) {
            store.start();
            String password = store.password();
            Account kept = store.accounts().create(new Account(0, "jana", "Jana", "6001", List.of("support"), true,
                    true), Credentials.derive("jana", "office.example", "jana-password"));
            store.logins().record("jana", LoginEvent.LOGIN, "127.0.0.1");
            store.stop();
            assertFalse(store.hasServices());
            assertPortFree(store.port);
            // A restored backup may have lost the permissions: the store tightens them again.
            Files.setPosixFilePermissions(store.passwordFile(), PosixFilePermissions.fromString("rw-r--r--"));

            store.start();
            assertEquals(password, store.password(), "the password is generated once");
            assertEquals(PosixFilePermissions.fromString("rw-------"),
                    Files.getPosixFilePermissions(store.passwordFile()));
            assertEquals(java.util.Optional.of(kept), store.accounts().findByAlias("support"));
            assertTrue(store.accounts().credentials("jana").orElseThrow().matches("jana-password"));
            assertEquals(1, store.logins().forUser("jana", 10).size());
            try (Connection c = store.connectAsOwner(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT COUNT(*) FROM SOHOSIP.\"flyway_schema_history\""
                            + " WHERE \"version\" IS NOT NULL")) {
                assertTrue(r.next());
                assertEquals(MIGRATIONS.size(), r.getInt(1), "no migration applied twice");
            }
        }
    }

    @Test
    void newerSchemaIsRefusedAndKept() throws Exception {
        try (StoreRunner store = StoreRunner.fresh()) {
            store.start();
            String password = store.password();
            store.accounts().create(new Account(0, "kurt", "Kurt", "7001", List.of(), false, true),
                    Credentials.derive("kurt", "office.example", "kurt-password"));
            try (Connection c = store.connectAsOwner(); Statement s = c.createStatement()) {
                // What a newer release would have left behind: its migration 99 and a table of its own.
                s.executeUpdate("CREATE TABLE SOHOSIP.VOICEMAIL_BOXES (ID INT PRIMARY KEY, OWNER VARCHAR(64))");
                s.executeUpdate("INSERT INTO SOHOSIP.VOICEMAIL_BOXES VALUES (1, 'kurt')");
                s.executeUpdate("INSERT INTO SOHOSIP.\"flyway_schema_history\" (\"installed_rank\", \"version\","
                        + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\","
                        + " \"success\") VALUES (100, '99', 'voicemail boxes', 'SQL', 'V99__voicemail_boxes.sql', 0,"
                        + " 'sohosip', 1, TRUE)");
            }
            store.stop();

            store.configure();
            ComponentConfigurationDTO failed = store.awaitComponentState(ComponentConfigurationDTO.FAILED_ACTIVATION);
            System.out.println("[FACT] refused start: " + failed.failure.lines().findFirst().orElse(""));
            assertTrue(failed.failure.contains("schema version 99"), failed.failure);
            String newest = MIGRATIONS.get(MIGRATIONS.size() - 1);
            assertTrue(failed.failure.contains("up to " + newest + " only"), failed.failure);
            assertFalse(store.hasServices(), "no store on a database it does not understand");
            assertPortFree(store.port);
            assertEquals(password, store.password());
            store.stop();

            // Everything is still there, read with Derby's embedded driver straight from the files.
            Properties owner = new Properties();
            owner.setProperty("user", "sohosip");
            owner.setProperty("password", password);
            String url = "jdbc:derby:" + store.dataDir.resolve("db/sohosip");
            try (Connection c = new org.apache.derby.jdbc.EmbeddedDriver().connect(url, owner);
                    Statement s = c.createStatement()) {
                assertEquals(1, count(s, "SELECT COUNT(*) FROM SOHOSIP.ACCOUNTS WHERE USERNAME = 'kurt'"));
                assertEquals(1, count(s, "SELECT COUNT(*) FROM SOHOSIP.VOICEMAIL_BOXES"));
                assertEquals(1, count(s, "SELECT COUNT(*) FROM SOHOSIP.\"flyway_schema_history\""
                        + " WHERE \"version\" = '99'"));
            } finally {
                shutdownEmbedded(url, owner);
            }
        }
    }

    @Test
    void missingPasswordFileOfAnExistingDatabaseIsReported() throws Exception {
        try (StoreRunner store = StoreRunner.fresh()) {
            store.start();
            store.stop();
            Path moved = store.dataDir.resolve("db-password.saved");
            Files.move(store.passwordFile(), moved);

            store.configure();
            ComponentConfigurationDTO failed = store.awaitComponentState(ComponentConfigurationDTO.FAILED_ACTIVATION);
            assertTrue(failed.failure.contains("password file " + store.passwordFile() + " is missing"),
                    failed.failure);
            assertFalse(Files.exists(store.passwordFile()), "no new password was made up for the old database");
            assertPortFree(store.port);
            store.stop();

            Files.move(moved, store.passwordFile());
            store.start();
            assertEquals(0, store.accounts().count());
        }
    }

    @Test
    void portInUseIsReported() throws Exception {
        try (StoreRunner store = StoreRunner.fresh();
                ServerSocket squatter = new ServerSocket(store.port, 1, InetAddress.getByName("127.0.0.1"))) {
            store.configure();
            ComponentConfigurationDTO failed = store.awaitComponentState(ComponentConfigurationDTO.FAILED_ACTIVATION);
            assertTrue(failed.failure.contains("127.0.0.1:" + store.port + " is in use"), failed.failure);
            assertTrue(failed.failure.contains("db.port"), failed.failure);
            assertFalse(store.hasServices());
        }
    }

    private static void shutdownEmbedded(String url, Properties owner) {
        SQLException e = assertThrows(SQLException.class,
                () -> new org.apache.derby.jdbc.EmbeddedDriver().connect("jdbc:derby:;shutdown=true", owner));
        assertEquals("XJ015", e.getSQLState(), "engine shut down: " + e.getMessage() + " (" + url + ")");
    }

    private static int count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet r = c.getMetaData().getTables(null, "SOHOSIP", "%", new String[] { "TABLE" })) {
            while (r.next()) {
                String name = r.getString("TABLE_NAME");
                if (!name.startsWith("flyway")) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        return names;
    }

    private static void assertRefused(StoreRunner store, Properties credentials, String what) {
        SQLException e = assertThrows(SQLException.class, () -> store.connect(credentials).close(), what);
        System.out.println("[FACT] " + what + " -> SQLState " + e.getSQLState() + ": " + e.getMessage());
        assertTrue(e.getSQLState().startsWith("08"), what + ": " + e.getSQLState() + " " + e.getMessage());
    }

    private static void assertPortFree(int port) throws Exception {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, socket.getLocalPort());
        }
    }
}
