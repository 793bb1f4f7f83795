// SPDX-License-Identifier: EPL-2.0
package org.sohosip.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The materialized client against the materialized server, driven by keyboard on a real X display: log in through
 * the dialog, trust the server's certificate, open the Administration perspective and create an account there.
 * Screenshots of every step are kept in {@code target/screenshots/}.
 */
class ClientUiTest {

    private static final Duration UI_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void anAdministratorLogsInAndCreatesAnAccount() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("sohosip.skipUiTests"), "UI tests skipped on request");
        assertTrue(System.getenv("DISPLAY") != null,
                "the client UI test needs a display: run releng/test (it provides Xvfb) or pass -DskipUiTests=true");
        Desktop desktop = new Desktop(Path.of(System.getProperty("sohosip.screenshots", "target/screenshots")));
        Path data = Files.createDirectories(work.resolve("server"));
        Path home = Files.createDirectories(work.resolve("client"));
        try (ServerProcess server = ServerProcess.start(data)) {
            server.awaitReady();
            String adminPassword = Files.readString(data.resolve("initial-admin-password")).strip();

            ProcessBuilder pb = new ProcessBuilder(Products.clientScript().toString(), "-server", server.baseUrl())
                    .redirectErrorStream(true);
            pb.environment().putAll(Map.of("SOHOSIP_CLIENT_HOME", home.toString(), "SOHOSIP_CLIENT_VMARGS",
                    "-Xmx256m -Dsohosip.home=" + home + " -Duser.home=" + home));
            Process client = pb.start();
            ProcessOutput clientOut = new ProcessOutput(client.getInputStream(), "client");
            try {
                desktop.awaitWindow("SOHOSIP Login", UI_TIMEOUT);
                desktop.screenshot("01-login-dialog");
                desktop.key("Tab");
                desktop.type("admin");
                desktop.key("Tab");
                desktop.type(adminPassword);
                desktop.key("Return");

                desktop.awaitWindow("Trust server certificate", UI_TIMEOUT);
                desktop.screenshot("02-trust-certificate");
                desktop.key("Return");

                desktop.awaitWindow("SOHOSIP — admin", UI_TIMEOUT);
                desktop.screenshot("03-main-window");
                desktop.pressUntilWindow("New account", UI_TIMEOUT, "ctrl+shift+a", "ctrl+n");
                desktop.type("carol");
                desktop.key("Tab");
                desktop.type("Carol Example");
                desktop.key("Tab");
                desktop.type("3310");
                desktop.key("Tab");
                desktop.type("carol-secret-1");
                desktop.screenshot("04-new-account-dialog");
                desktop.key("Return");

                Api api = new Api(server.baseUrl());
                String token = api.login("admin", adminPassword);
                JsonNode carol = awaitAccount(api, token, "carol");
                assertEquals("Carol Example", carol.get("displayName").asText());
                assertEquals("3310", carol.get("extension").asText());
                assertEquals(200, api.get("/api/v1/me", api.login("carol", "carol-secret-1")).status());
                long closeBy = System.nanoTime() + UI_TIMEOUT.toNanos();
                while (desktop.hasWindow("New account") && System.nanoTime() < closeBy) {
                    Thread.sleep(100);
                }
                assertTrue(!desktop.hasWindow("New account"), "the New account dialog stayed open");
                desktop.screenshot("05-account-created");

                desktop.awaitWindow("SOHOSIP — admin", UI_TIMEOUT);
                desktop.key("ctrl+q");
                assertTrue(client.waitFor(30, TimeUnit.SECONDS), "the client did not exit on Ctrl+Q");
            } finally {
                if (client.isAlive()) {
                    client.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                System.out.println("client output:\n" + clientOut.text());
            }
        }
    }

    private static JsonNode awaitAccount(Api api, String token, String username) throws Exception {
        long deadline = System.nanoTime() + UI_TIMEOUT.toNanos();
        List<String> seen = List.of();
        while (System.nanoTime() < deadline) {
            Api.Answer list = api.get("/api/v1/accounts", token);
            assertEquals(200, list.status(), list.body().toString());
            for (JsonNode a : list.body()) {
                if (a.get("username").asText().equals(username)) {
                    return a;
                }
            }
            seen = list.body().findValuesAsText("username");
            Thread.sleep(200);
        }
        throw new AssertionError("the account " + username + " was not created; accounts: " + seen);
    }
}
