// SPDX-License-Identifier: EPL-2.0
package org.sohosip.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The materialized server product: command line, first start, ports, secrets on disk, clean shutdown. */
class ServerProductTest {

    private static final Pattern ADMIN_PASSWORD = Pattern.compile("^\\s+password: (\\S+)$");

    @TempDir
    Path data;

    @Test
    void helpPrintsUsageAndWrongArgumentsAreRefused() throws Exception {
        Process help = new ProcessBuilder(Products.serverScript().toString(), "--help", "--data", data.toString())
                .redirectErrorStream(true).start();
        ProcessOutput out = new ProcessOutput(help.getInputStream(), "help");
        assertTrue(help.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, help.exitValue());
        assertTrue(out.await(Pattern.compile("^Usage: sohosip-server"), Duration.ofSeconds(5)).isPresent(), out.text());

        Process wrong = new ProcessBuilder(Products.serverScript().toString(), "--data", data.toString(), "--port",
                "1").redirectErrorStream(true).start();
        ProcessOutput wrongOut = new ProcessOutput(wrong.getInputStream(), "wrong");
        assertTrue(wrong.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, wrong.exitValue());
        assertTrue(wrongOut.await(Pattern.compile("Unknown argument '--port'"), Duration.ofSeconds(5)).isPresent());
    }

    @Test
    void firstStartCreatesTheAdministratorAndListsEveryPort() throws Exception {
        try (ServerProcess server = ServerProcess.start(data)) {
            Matcher password = server.output.await(ADMIN_PASSWORD, ServerProcess.START_TIMEOUT).orElseThrow();
            Matcher ready = server.awaitReady();
            String ports = ready.group(2);
            assertTrue(ports.contains("database 127.0.0.1:" + server.dbPort), ports);
            assertTrue(ports.contains(":" + server.apiPort), ports);
            String sip = "127.0.0.1:" + server.sipPort;
            assertTrue(ports.contains("SIP udp " + sip + " tcp " + sip), ports);

            Path file = data.resolve("initial-admin-password");
            assertEquals(password.group(1), Files.readString(file).strip());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            String log = awaitInLog(data, "SOHOSIP server ready");
            assertFalse(log.contains(password.group(1)), "the password must never reach the log file");
            assertTrue(Files.exists(data.resolve("sohosip.conf")));
        }
    }

    @Test
    void sigtermStopsCleanlyAndARestartKeepsTheData() throws Exception {
        String firstPassword;
        try (ServerProcess server = ServerProcess.start(data)) {
            server.awaitReady();
            firstPassword = Files.readString(data.resolve("initial-admin-password")).strip();
            int exit = server.stop();
            assertTrue(exit == 0 || exit == 143, "exit code " + exit);
            awaitInLog(data, "Database stopped");
        }
        try (ServerProcess again = ServerProcess.start(data)) {
            again.awaitReady();
            assertFalse(again.output.text().contains("First start"), "a second administrator was created");
            assertEquals(firstPassword, Files.readString(data.resolve("initial-admin-password")).strip());
        }
    }

    /** Waits until the server's log file holds {@code text}; returns the whole log. */
    private static String awaitInLog(Path data, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Path file = data.resolve("logs/server.log");
        String log = "";
        while (System.nanoTime() < deadline) {
            log = Files.exists(file) ? Files.readString(file) : "";
            if (log.contains(text)) {
                return log;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server log has no '" + text + "':\n" + log);
    }

    @Test
    void theDatabaseRefusesConnectionsWithoutTheRightCredentials() throws Exception {
        try (ServerProcess server = ServerProcess.start(data)) {
            server.awaitReady();
            String url = "jdbc:derby://127.0.0.1:" + server.dbPort + "/sohosip";
            for (List<String> credentials : List.of(List.<String>of(), List.of("sohosip"),
                    List.of("sohosip", "wrong-password"), List.of("APP", "APP"))) {
                Properties p = new Properties();
                if (!credentials.isEmpty()) {
                    p.setProperty("user", credentials.get(0));
                }
                if (credentials.size() > 1) {
                    p.setProperty("password", credentials.get(1));
                }
                SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, p).close(),
                        "connected with " + credentials.size() + " credential(s)");
                assertTrue(e.getSQLState().startsWith("08"), e.getSQLState() + " " + e.getMessage());
            }
            String password = Files.readString(data.resolve("db-password")).strip();
            Properties ok = new Properties();
            ok.setProperty("user", "sohosip");
            ok.setProperty("password", password);
            DriverManager.getConnection(url, ok).close();
        }
    }
}
