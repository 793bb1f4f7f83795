// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sohosip.core.Account;
import org.sohosip.core.LoginEvent;
import org.sohosip.core.LoginRecord;
import org.sohosip.server.api.it.ApiTestServer.Response;
import org.sohosip.server.store.Credentials;

/** Logging in and out over real HTTPS against the real store. */
class AuthIntegrationTest {

    private static final String PASSWORD = "user-secret-7391";
    private static ApiTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ApiTestServer.get();
        LogCapture.SECRETS.add(PASSWORD);
    }

    @AfterAll
    static void noSecretsLogged() {
        LogCapture.assertNoSecrets();
    }

    private static Account user(String username, String extension, boolean enabled) {
        return server.accounts.findByUsername(username).orElseGet(() -> server.accounts.create(
                new Account(0, username, "User " + username, extension, List.of(), false, enabled),
                Credentials.derive(username, ApiTestServer.REALM, PASSWORD)));
    }

    @Test
    void loginAnswersTokenExpiryAndAccount() throws Exception {
        Account bob = user("bob", "201", true);
        Instant before = Instant.now();
        Response response = server.login("bob", PASSWORD);
        assertEquals(200, response.status(), response.raw().body());
        assertTrue(response.json().path("token").asText().matches("[A-Za-z0-9_-]{43}"));
        Instant expiresAt = Instant.parse(response.json().path("expiresAt").asText());
        assertTrue(!expiresAt.isBefore(before.plusSeconds(3600).minusSeconds(1))
                && !expiresAt.isAfter(Instant.now().plusSeconds(3600)), expiresAt.toString());
        assertEquals(bob.id(), response.json().path("account").path("id").asLong());
        assertEquals("201", response.json().path("account").path("extension").asText());
        assertEquals("no-store", response.header("Cache-Control"));
    }

    @Test
    void wrongPasswordUnknownUserAndDisabledAccountGetTheSameAnswer() throws Exception {
        user("carol", "202", true);
        user("dave", "203", false);
        Response wrong = server.login("carol", "wrong-password-5512");
        Response unknown = server.login("nobody-here", "wrong-password-5512");
        Response disabled = server.login("dave", PASSWORD);
        for (Response response : List.of(wrong, unknown, disabled)) {
            assertEquals(401, response.status());
            assertEquals("unauthorized", response.error());
            assertEquals(wrong.raw().body(), response.raw().body());
            assertTrue(response.header("WWW-Authenticate").startsWith("Bearer"));
        }
        server.adminToken(); // resets this address's failure count for the other tests
    }

    @Test
    void everyLoginOutcomeIsRecordedWithTheAddress() throws Exception {
        user("erin", "204", true);
        server.login("erin", "wrong-password-5512");
        String token = server.login("erin", PASSWORD).json().path("token").asText();
        assertEquals(204, server.call("POST", "/auth/logout", token, null).status());
        List<LoginRecord> records = server.records.forUser("erin", 10);
        assertEquals(List.of(LoginEvent.LOGOUT, LoginEvent.LOGIN, LoginEvent.FAILED),
                records.stream().map(LoginRecord::event).toList());
        records.forEach(r -> assertEquals("127.0.0.1", r.address()));
    }

    @Test
    void meAnswersTheCallersAccount() throws Exception {
        Account frank = user("frank", "205", true);
        String token = server.login("frank", PASSWORD).json().path("token").asText();
        Response me = server.call("GET", "/me", token, null);
        assertEquals(200, me.status());
        assertEquals(frank.id(), me.json().path("id").asLong());
        assertEquals("frank", me.json().path("username").asText());
        assertEquals(false, me.json().path("admin").asBoolean());
    }

    @Test
    void refreshGivesANewTokenAndKillsTheOldOne() throws Exception {
        user("gina", "206", true);
        String old = server.login("gina", PASSWORD).json().path("token").asText();
        Response refreshed = server.call("POST", "/auth/refresh", old, null);
        assertEquals(200, refreshed.status());
        String fresh = refreshed.json().path("token").asText();
        assertTrue(!fresh.equals(old));
        assertEquals("gina", refreshed.json().path("account").path("username").asText());
        assertEquals(401, server.call("GET", "/me", old, null).status());
        assertEquals(200, server.call("GET", "/me", fresh, null).status());
    }

    @Test
    void logoutKillsTheToken() throws Exception {
        user("hank", "207", true);
        String token = server.login("hank", PASSWORD).json().path("token").asText();
        assertEquals(204, server.call("POST", "/auth/logout", token, null).status());
        Response after = server.call("GET", "/me", token, null);
        assertEquals(401, after.status());
        assertEquals("unauthorized", after.error());
    }

    @Test
    void missingOrUnknownTokenIs401WithBearerChallenge() throws Exception {
        for (String token : new String[] { null, "made-up-token" }) {
            Response response = server.call("GET", "/me", token, null);
            assertEquals(401, response.status());
            assertEquals("unauthorized", response.error());
            assertTrue(response.header("WWW-Authenticate").startsWith("Bearer realm="), response.header(
                    "WWW-Authenticate"));
        }
    }

    @Test
    void loginBodyProblemsAre400() throws Exception {
        Response malformed = server.call("POST", "/auth/login", null, "{\"username\": \"bob\",");
        assertEquals(400, malformed.status());
        assertEquals("invalid_json", malformed.error());
        Response missing = server.call("POST", "/auth/login", null, "{\"username\": \"bob\"}");
        assertEquals(400, missing.status());
        assertEquals("invalid_field", missing.error());
        assertTrue(missing.json().path("fields").has("password"));
    }

    @Test
    void expiredTokenSaysTokenExpired() throws Exception {
        server.configureApi(Map.of("api.token.ttl", 1L));
        try {
            user("ivan", "208", true);
            Response login = server.login("ivan", PASSWORD);
            String token = login.json().path("token").asText();
            Instant expiresAt = Instant.parse(login.json().path("expiresAt").asText());
            assertTrue(Duration.between(Instant.now(), expiresAt).toMillis() <= 1000);
            ApiTestServer.await("the token to expire", () -> {
                try {
                    Response me = server.call("GET", "/me", token, null);
                    return me.status() == 401 && "token_expired".equals(me.error());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Response me = server.call("GET", "/me", token, null);
            assertTrue(me.header("WWW-Authenticate").contains("invalid_token"));
        } finally {
            server.configureApi(Map.of());
        }
    }

    @Test
    void loginLatency() throws Exception {
        user("jill", "209", true);
        List<Long> ok = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            assertEquals(200, server.login("jill", PASSWORD).status());
            ok.add(System.nanoTime() - start);
        }
        List<Long> unknown = new ArrayList<>();
        List<Long> wrong = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            server.login("no-such-user-" + i, "wrong-password-5512");
            unknown.add(System.nanoTime() - start);
            start = System.nanoTime();
            server.login("jill", "wrong-password-5512");
            wrong.add(System.nanoTime() - start);
        }
        server.adminToken();
        System.out.printf("FIGURE login latency over HTTPS: median %d ms of 20 logins (min %d, max %d); "
                + "failed login median: unknown user %d ms, wrong password %d ms%n", median(ok), min(ok), max(ok),
                median(unknown), median(wrong));
        // An unknown user name must cost a password hash too, or timing would tell which names exist.
        assertTrue(median(unknown) * 2 > median(wrong), "unknown " + median(unknown) + " wrong " + median(wrong));
    }

    private static long median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1_000_000;
    }

    private static long min(List<Long> nanos) {
        return Collections.min(nanos) / 1_000_000;
    }

    private static long max(List<Long> nanos) {
        return Collections.max(nanos) / 1_000_000;
    }
}
