// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sohosip.server.api.it.ApiTestServer.Response;

import com.fasterxml.jackson.databind.JsonNode;

/** Account administration over real HTTPS against the real store. */
class AccountAdminIntegrationTest {

    private static final String PASSWORD = "new-user-secret-2288";
    private static ApiTestServer server;
    private static String admin;

    @BeforeAll
    static void start() throws Exception {
        server = ApiTestServer.get();
        LogCapture.SECRETS.add(PASSWORD);
        admin = server.adminToken();
    }

    @AfterAll
    static void noSecretsLogged() {
        LogCapture.assertNoSecrets();
    }

    private static String body(String username, String extension, String... aliases) throws Exception {
        return server.mapper.writeValueAsString(Map.of("username", username, "password", PASSWORD, "extension",
                extension, "displayName", "Person " + username, "aliases", List.of(aliases)));
    }

    private static Response create(String username, String extension, String... aliases) throws Exception {
        return server.call("POST", "/accounts", admin, body(username, extension, aliases));
    }

    private static List<String> usernames() throws Exception {
        Response list = server.call("GET", "/accounts", admin, null);
        assertEquals(200, list.status());
        List<String> names = new ArrayList<>();
        list.json().forEach(a -> names.add(a.path("username").asText()));
        return names;
    }

    @Test
    void createListGetPatchResetAndDisable() throws Exception {
        Response created = create("kate", "301", "kate.k", "+49301");
        assertEquals(201, created.status(), created.raw().body());
        long id = created.json().path("id").asLong();
        assertEquals("/api/v1/accounts/" + id, created.header("Location"));
        assertEquals(List.of("kate.k", "+49301"), server.mapper.convertValue(created.json().path("aliases"),
                List.class));
        assertTrue(created.json().path("enabled").asBoolean());
        assertFalse(created.json().path("admin").asBoolean());

        List<String> names = usernames();
        assertTrue(names.contains("kate"));
        assertEquals(names.stream().sorted().toList(), names, "sorted by user name");

        Response got = server.call("GET", "/accounts/" + id, admin, null);
        assertEquals(200, got.status());
        assertEquals(created.json(), got.json());

        String kateToken = server.login("kate", PASSWORD).json().path("token").asText();
        assertEquals(200, server.call("GET", "/me", kateToken, null).status());

        Response patched = server.call("PATCH", "/accounts/" + id, admin,
                "{\"displayName\":\"Kate K.\",\"extension\":\"3010\",\"aliases\":[]}");
        assertEquals(200, patched.status(), patched.raw().body());
        assertEquals("Kate K.", patched.json().path("displayName").asText());
        assertEquals("3010", patched.json().path("extension").asText());
        assertEquals(0, patched.json().path("aliases").size());
        assertEquals("kate", patched.json().path("username").asText());
        assertEquals(200, server.call("GET", "/me", kateToken, null).status(), "a change keeps the session");

        Response reset = server.call("POST", "/accounts/" + id + "/password", admin,
                "{\"password\":\"reset-secret-6610\"}");
        LogCapture.SECRETS.add("reset-secret-6610");
        assertEquals(204, reset.status(), reset.raw().body());
        assertEquals(401, server.call("GET", "/me", kateToken, null).status(), "a reset ends her sessions");
        assertEquals(401, server.login("kate", PASSWORD).status(), "old password no longer works");
        kateToken = server.login("kate", "reset-secret-6610").json().path("token").asText();
        assertEquals(200, server.call("GET", "/me", kateToken, null).status());
        assertEquals(200, server.call("GET", "/me", admin, null).status(), "the admin's own session survives");

        Response disabled = server.call("PATCH", "/accounts/" + id, admin, "{\"enabled\":false}");
        assertEquals(200, disabled.status());
        assertFalse(disabled.json().path("enabled").asBoolean());
        assertEquals(401, server.call("GET", "/me", kateToken, null).status(), "her token is dead");
        Response login = server.login("kate", "reset-secret-6610");
        assertEquals(401, login.status(), "she cannot log in");
        assertEquals("unauthorized", login.error());
        server.adminToken();
    }

    @Test
    void userTokenOnAdminEndpointsIsForbidden() throws Exception {
        assertEquals(201, create("liam", "302").status());
        String token = server.login("liam", PASSWORD).json().path("token").asText();
        for (String[] call : new String[][] { { "GET", "/accounts" }, { "GET", "/accounts/1" },
                { "GET", "/login-records" } }) {
            Response response = server.call(call[0], call[1], token, null);
            assertEquals(403, response.status(), call[1]);
            assertEquals("forbidden", response.error());
        }
        Response create = server.call("POST", "/accounts", token, body("mallory", "303"));
        assertEquals(403, create.status());
        assertFalse(usernames().contains("mallory"));
    }

    @Test
    void adminFromOutsideAllowedNetworksIsForbiddenNamingTheKey() throws Exception {
        server.configureApi(Map.of("api.admin.allowFrom", "10.0.0.0/8"));
        try {
            String token = server.adminToken();
            Response response = server.call("GET", "/accounts", token, null);
            assertEquals(403, response.status());
            assertTrue(response.json().path("message").asText().contains("api.admin.allowFrom"));
            assertEquals(200, server.call("GET", "/me", token, null).status(), "non-admin endpoints still work");
        } finally {
            server.configureApi(Map.of());
            admin = server.adminToken();
        }
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceAndNothingIsStored() throws Exception {
        Response response = server.call("POST", "/accounts", admin, "{\"username\":\"Bad Name\",\"password\":\"short\","
                + "\"extension\":\"12a\",\"displayName\":\"\",\"aliases\":[\"no spaces\"]}");
        assertEquals(400, response.status());
        assertEquals("invalid_field", response.error());
        java.util.Set<String> fields = new java.util.TreeSet<>();
        response.json().path("fields").fieldNames().forEachRemaining(fields::add);
        assertEquals(new java.util.TreeSet<>(List.of("username", "password", "extension", "displayName", "aliases")),
                fields);
        assertFalse(usernames().contains("Bad Name"));
    }

    @Test
    void missingFieldsAreNamed() throws Exception {
        Response response = server.call("POST", "/accounts", admin, "{\"username\":\"nina\"}");
        assertEquals(400, response.status());
        JsonNode fields = response.json().path("fields");
        assertTrue(fields.has("password") && fields.has("extension") && fields.has("displayName"), fields.toString());
        assertFalse(fields.has("username"));
        assertFalse(usernames().contains("nina"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1", "1234567", "12a" })
    void badExtensionsAre400(String extension) throws Exception {
        Response response = create("oscar", extension);
        assertEquals(400, response.status());
        assertEquals("invalid_field", response.error());
        assertTrue(response.json().path("fields").has("extension"));
        assertFalse(usernames().contains("oscar"));
    }

    @Test
    void takenUsernameExtensionOrAliasIs409AndChangesNothing() throws Exception {
        assertEquals(201, create("paul", "401", "paul.p").status());
        List<String> before = usernames();
        String[][] clashes = { { "paul", "402", "username" }, { "quinn", "401", "extension" },
                { "quinn", "403", "aliases", "paul.p" }, { "quinn", "404", "aliases", "401" } };
        for (String[] clash : clashes) {
            Response response = clash.length > 3 ? create(clash[0], clash[1], clash[3]) : create(clash[0], clash[1]);
            assertEquals(409, response.status(), String.join(",", clash) + " " + response.raw().body());
            assertEquals("duplicate", response.error());
            assertTrue(response.json().path("fields").has(clash[2]), response.raw().body());
        }
        assertEquals(before, usernames());
        long paul = server.accounts.findByUsername("paul").orElseThrow().id();
        assertEquals(201, create("rita", "405").status());
        long rita = server.accounts.findByUsername("rita").orElseThrow().id();
        Response patch = server.call("PATCH", "/accounts/" + rita, admin, "{\"extension\":\"401\"}");
        assertEquals(409, patch.status());
        assertEquals("405", server.accounts.find(rita).orElseThrow().extension(), "nothing half-written");
        assertEquals("401", server.accounts.find(paul).orElseThrow().extension());
    }

    @Test
    void badRequestsGetClearErrors() throws Exception {
        Response malformed = server.call("POST", "/accounts", admin, "{\n \"username\": \"sam\",\n \"password\" }");
        assertEquals(400, malformed.status());
        assertEquals("invalid_json", malformed.error());
        assertTrue(malformed.json().path("message").asText().contains("line 3"), malformed.raw().body());

        Response wrongType = server.call("PATCH", "/accounts/1", admin, "{\"extension\": 3301}");
        assertEquals(400, wrongType.status());
        assertTrue(wrongType.json().path("message").asText().contains("extension"));

        Response unknown = server.call("PATCH", "/accounts/1", admin, "{\"colour\": \"red\"}");
        assertEquals(400, unknown.status());
        assertTrue(unknown.json().path("message").asText().contains("colour"));

        Response large = server.call("POST", "/accounts", admin, "{\"username\":\"" + "x".repeat(70_000) + "\"}");
        assertEquals(413, large.status());
        assertEquals("payload_too_large", large.error());

        Response text = server.send("POST", "/accounts", admin, body("sam", "501"), "text/plain");
        assertEquals(415, text.status());
        assertEquals("unsupported_media_type", text.error());

        Response method = server.call("DELETE", "/accounts/1", admin, null);
        assertEquals(405, method.status());
        assertEquals("method_not_allowed", method.error());
        assertEquals("GET, PATCH", method.header("Allow"));

        assertEquals("not_found", server.call("GET", "/accounts/999999", admin, null).error());
        assertEquals("not_found", server.call("GET", "/accounts/abc", admin, null).error());
        assertEquals(404, server.call("GET", "/nothing", admin, null).status());
        assertFalse(usernames().contains("sam"));
    }

    @Test
    void adminCannotLockThemselvesOut() throws Exception {
        long self = server.accounts.findByUsername(ApiTestServer.ADMIN).orElseThrow().id();
        Response response = server.call("PATCH", "/accounts/" + self, admin, "{\"enabled\":false,\"admin\":false}");
        assertEquals(400, response.status());
        assertTrue(response.json().path("fields").has("enabled") && response.json().path("fields").has("admin"));
        assertTrue(server.accounts.find(self).orElseThrow().enabled());
    }

    @Test
    void loginRecordsAreListedForAdminsNewestFirst() throws Exception {
        assertEquals(201, create("tina", "502").status());
        server.login("tina", "wrong-password-5512");
        server.login("tina", PASSWORD);
        server.adminToken();
        Response response = server.call("GET", "/login-records?username=tina&limit=5", admin, null);
        assertEquals(200, response.status());
        assertEquals(2, response.json().size());
        assertEquals("LOGIN", response.json().path(0).path("event").asText());
        assertEquals("FAILED", response.json().path(1).path("event").asText());
        assertEquals("127.0.0.1", response.json().path(0).path("address").asText());
        assertTrue(response.json().path(0).path("at").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
        assertEquals(1, server.call("GET", "/login-records?limit=1", admin, null).json().size());
        assertEquals(400, server.call("GET", "/login-records?limit=0", admin, null).status());
        assertEquals(400, server.call("GET", "/login-records?limit=x", admin, null).status());
    }
}
