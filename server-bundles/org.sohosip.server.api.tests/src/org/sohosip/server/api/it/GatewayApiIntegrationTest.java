// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.util.tracker.ServiceTracker;
import org.sohosip.core.Account;
import org.sohosip.core.api.BillingDirection;
import org.sohosip.core.api.BillingDisposition;
import org.sohosip.core.api.BillingRecord;
import org.sohosip.server.api.it.ApiTestServer.Response;
import org.sohosip.server.store.BillingStore;
import org.sohosip.server.store.CdrDetails;
import org.sohosip.server.store.Credentials;

/** Gateways, route rules, emergency and inbound numbers, billing and click-to-call over real HTTPS. */
class GatewayApiIntegrationTest {

    private static final String SECRET = "ami-secret-7781";
    private static final String USER_PASSWORD = "billing-user-pw-55";
    private static ApiTestServer server;
    private static String admin;

    @BeforeAll
    static void start() throws Exception {
        server = ApiTestServer.get();
        LogCapture.SECRETS.add(SECRET);
        admin = server.adminToken();
        for (String user : List.of("gwuser", "gwother")) {
            if (server.accounts.findByUsername(user).isEmpty()) {
                server.accounts.create(new Account(0, user, "User " + user, user.equals("gwuser") ? "4701" : "4702",
                        List.of(), false, true), Credentials.derive(user, ApiTestServer.REALM, USER_PASSWORD));
            }
        }
    }

    @AfterAll
    static void noSecretsLogged() {
        LogCapture.assertNoSecrets();
    }

    private static String json(Object value) throws Exception {
        return server.mapper.writeValueAsString(value);
    }

    private static Map<String, Object> gateway(String name, String trunk, String secret) {
        Map<String, Object> g = new java.util.LinkedHashMap<>(Map.of("name", name, "amiHost", "127.0.0.1",
                "amiUser", "sohosip", "trunkName", trunk, "sipHost", "127.0.0.1", "outboundChannel", "DAHDI/g0"));
        if (secret != null) {
            g.put("amiSecret", secret);
        }
        return g;
    }

    private static String token(String user) throws Exception {
        return server.login(user, USER_PASSWORD).json().path("token").asText();
    }

    @Test
    void gatewaysRulesAndNumbersAreAdministeredWithValidation() throws Exception {
        Response bad = server.call("POST", "/gateways", admin, json(Map.of("name", "bad name", "amiHost", "x",
                "amiUser", "u", "trunkName", "t", "sipHost", "h", "outboundChannel", "nochannel", "amiPort", 70000)));
        assertEquals(400, bad.status(), bad.raw().body());
        assertEquals("invalid_field", bad.error());
        for (String field : List.of("name", "amiPort", "amiSecret", "outboundChannel")) {
            assertTrue(bad.json().path("fields").has(field), field + " in " + bad.raw().body());
        }
        Response created = server.call("POST", "/gateways", admin, json(gateway("fxo-api", "apitrunk", SECRET)));
        assertEquals(201, created.status(), created.raw().body());
        long id = created.json().path("id").asLong();
        assertEquals("/api/v1/gateways/" + id, created.header("Location"));
        assertEquals(5038, created.json().path("amiPort").asInt());
        assertTrue(created.json().path("amiSecretSet").asBoolean());
        assertFalse(created.raw().body().contains(SECRET), "the secret is never returned");
        assertEquals(409, server.call("POST", "/gateways", admin, json(gateway("fxo-api", "t2", "x"))).status());
        Response changed = server.call("PUT", "/gateways/" + id, admin, json(gateway("fxo-api", "apitrunk", null)));
        assertEquals(200, changed.status(), changed.raw().body());
        Response status = server.call("GET", "/gateways/" + id + "/status", admin, null);
        assertEquals(200, status.status(), status.raw().body());
        assertEquals(id, status.json().path("gatewayId").asLong());
        assertTrue(List.of("DOWN", "CONNECTING").contains(status.json().path("state").asText()), status.raw().body());

        Response strip = server.call("POST", "/routes", admin, json(Map.of("id", 0, "prefix", "0", "stripDigits", 2,
                "prepend", "", "gatewayId", id, "description", "")));
        assertTrue(strip.json().path("fields").has("stripDigits"), strip.raw().body());
        Response unknownGateway = server.call("POST", "/routes", admin, json(Map.of("id", 0, "prefix", "0",
                "stripDigits", 1, "prepend", "886", "gatewayId", 999999, "description", "")));
        assertTrue(unknownGateway.json().path("fields").has("gatewayId"), unknownGateway.raw().body());
        Response rule = server.call("POST", "/routes", admin, json(Map.of("id", 0, "prefix", "0", "stripDigits", 1,
                "prepend", "886", "gatewayId", id, "description", "national")));
        assertEquals(201, rule.status(), rule.raw().body());
        assertEquals(409, server.call("POST", "/routes", admin, json(Map.of("id", 0, "prefix", "0", "stripDigits",
                0, "prepend", "", "gatewayId", id, "description", ""))).status());

        Response sos = server.call("PUT", "/emergency-numbers", admin, json(List.of(Map.of("number", "119",
                "gatewayId", id), Map.of("number", "110", "gatewayId", id))));
        assertEquals(200, sos.status(), sos.raw().body());
        assertEquals("110", sos.json().path(0).path("number").asText());
        Response badSos = server.call("PUT", "/emergency-numbers", admin, json(List.of(Map.of("number", "11a",
                "gatewayId", id))));
        assertEquals(400, badSos.status(), badSos.raw().body());
        assertEquals(2, server.call("GET", "/emergency-numbers", admin, null).json().size(), "nothing changed");

        Map<String, Object> did = new java.util.HashMap<>(Map.of("id", 0, "did", "0277001234", "targetKind",
                "EXTENSION", "target", "4701", "timeZone", "Asia/Taipei", "officeHours", "Mon-Fry 08:00-18:00"));
        Response hours = server.call("POST", "/inbound-numbers", admin, json(did));
        assertEquals(400, hours.status(), hours.raw().body());
        assertTrue(hours.json().path("fields").path("officeHours").asText().contains("Fry"), hours.raw().body());
        did.put("officeHours", "Mon-Fri 08:30-12:00,13:30-18:00; Sat 09:00-12:00");
        did.put("afterHoursKind", "VOICEMAIL");
        did.put("afterHoursTarget", "4701");
        Response inbound = server.call("POST", "/inbound-numbers", admin, json(did));
        assertEquals(201, inbound.status(), inbound.raw().body());

        Response inUse = server.call("DELETE", "/gateways/" + id, admin, null);
        assertEquals(409, inUse.status());
        assertEquals("in_use", inUse.error());
        assertTrue(inUse.json().path("message").asText().contains("110, 119"), inUse.raw().body());

        String gwuser = token("gwuser");
        assertEquals(403, server.call("GET", "/gateways", gwuser, null).status());
        assertEquals(403, server.call("PUT", "/emergency-numbers", gwuser, "[]").status());

        assertEquals(204, server.call("DELETE", "/inbound-numbers/" + inbound.json().path("id").asLong(), admin,
                null).status());
        assertEquals(200, server.call("PUT", "/emergency-numbers", admin, "[]").status());
        assertEquals(204, server.call("DELETE", "/routes/" + rule.json().path("id").asLong(), admin, null).status());
        assertEquals(204, server.call("DELETE", "/gateways/" + id, admin, null).status());
        assertEquals(404, server.call("GET", "/gateways/" + id, admin, null).status());
    }

    @Test
    void accountsCarryPstnPermissionGroupsAndLimit() throws Exception {
        Response created = server.call("POST", "/accounts", admin, json(Map.of("username", "gwivan", "password",
                USER_PASSWORD, "extension", "4703", "displayName", "Ivan", "pstnAllowed", true, "groups",
                List.of("sales"), "outsideCallLimit", 3)));
        assertEquals(201, created.status(), created.raw().body());
        assertTrue(created.json().path("pstnAllowed").asBoolean());
        assertEquals("sales", created.json().path("groups").path(0).asText());
        assertEquals(3, created.json().path("outsideCallLimit").asInt());
        long id = created.json().path("id").asLong();
        Response tooMany = server.call("PATCH", "/accounts/" + id, admin, json(Map.of("outsideCallLimit", 99,
                "groups", List.of("Bad Group"))));
        assertEquals(400, tooMany.status());
        assertTrue(tooMany.json().path("fields").has("outsideCallLimit"));
        assertTrue(tooMany.json().path("fields").has("groups"));
        Response renamed = server.call("PATCH", "/accounts/" + id, admin, json(Map.of("displayName", "Ivan I")));
        assertTrue(renamed.json().path("pstnAllowed").asBoolean(), "a change of other fields keeps the permission");
        Response plain = server.call("POST", "/accounts", admin, json(Map.of("username", "gwadmin", "password",
                USER_PASSWORD, "extension", "4704", "displayName", "Jana", "admin", true)));
        assertFalse(plain.json().path("pstnAllowed").asBoolean(), "no outside calls unless granted, admins too");
        assertEquals(2, plain.json().path("outsideCallLimit").asInt());
    }

    @Test
    void billingIsListedTotalledAndExportedAsMasterCsv() throws Exception {
        ServiceTracker<BillingStore, BillingStore> tracker = new ServiceTracker<>(server.context, BillingStore.class,
                null);
        tracker.open();
        BillingStore billing = tracker.waitForService(60_000);
        Instant t0 = Instant.parse("2026-10-05T01:30:00Z");
        billing.record(new BillingRecord(0, "c-1@office", "gwuser", "fxo", "886223456789", BillingDirection.OUTBOUND,
                t0, t0.plusSeconds(5), t0.plusSeconds(65), 60, BillingDisposition.ANSWERED, "1700000000.1"),
                new CdrDetails("4701", "886223456789", "office-outbound", "\"Gwuser\" <4701>", "PJSIP/office-01",
                        "DAHDI/1-1", "Dial", "DAHDI/g0/886223456789,120", 65, "DOCUMENTATION", "c-1@office"));
        billing.record(new BillingRecord(0, "", "gwother", "fxo", "0911222333", BillingDirection.INBOUND,
                t0.plusSeconds(86_400), null, t0.plusSeconds(86_430), 0, BillingDisposition.NO_ANSWER,
                "1700086400.2"), new CdrDetails("0911222333", "0277001234", "office-inbound", "", "DAHDI/1-1", "",
                        "Dial", "", 30, "DOCUMENTATION", ""));

        Response all = server.call("GET", "/billing?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z", admin, null);
        assertEquals(200, all.status(), all.raw().body());
        assertEquals(2, all.json().size());
        assertEquals("gwother", all.json().path(0).path("account").asText(), "newest first");
        assertEquals("NO_ANSWER", all.json().path(0).path("disposition").asText());
        String gwuser = token("gwuser");
        Response own = server.call("GET", "/billing", gwuser, null);
        assertEquals(1, own.json().size(), own.raw().body());
        assertEquals("gwuser", own.json().path(0).path("account").asText());
        assertEquals(403, server.call("GET", "/billing?user=gwother", gwuser, null).status());
        assertEquals(400, server.call("GET", "/billing?direction=sideways", admin, null).status());
        assertEquals(400, server.call("GET", "/billing?from=yesterday", admin, null).status());

        Response byUser = server.call("GET", "/billing/totals?by=user&from=2026-10-01T00:00:00Z", admin, null);
        assertEquals(200, byUser.status(), byUser.raw().body());
        assertEquals("gwuser", byUser.json().path(1).path("key").asText(), "by user name");
        assertEquals(60, byUser.json().path(1).path("billableSeconds").asLong());
        Response byDay = server.call("GET", "/billing/totals?by=day&tz=Asia/Taipei&from=2026-10-01T00:00:00Z",
                admin, null);
        assertEquals("2026-10-05", byDay.json().path(0).path("key").asText(), "09:30 in Taipei");
        Response byHour = server.call("GET", "/billing/totals?by=hour&tz=Asia/Taipei&from=2026-10-01T00:00:00Z",
                admin, null);
        assertEquals("09", byHour.json().path(0).path("key").asText());
        assertEquals(2, byHour.json().path(0).path("calls").asLong());
        assertEquals(400, server.call("GET", "/billing/totals?by=week", admin, null).status());

        HttpResponse<String> csv = server.client().send(HttpRequest.newBuilder(server.uri(
                "/billing.csv?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z"))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals(2, lines.size(), csv.body());
        assertEquals("\"gwuser\",\"4701\",\"886223456789\",\"office-outbound\",\"\"\"Gwuser\"\" <4701>\","
                + "\"PJSIP/office-01\",\"DAHDI/1-1\",\"Dial\",\"DAHDI/g0/886223456789,120\",\"2026-10-05 01:30:00\","
                + "\"2026-10-05 01:30:05\",\"2026-10-05 01:31:05\",65,60,\"ANSWERED\",\"DOCUMENTATION\","
                + "\"1700000000.1\",\"c-1@office\"", lines.get(1), "Master.csv column order and quoting");
        assertTrue(lines.get(0).contains("\"NO ANSWER\""), lines.get(0));
    }

    @Test
    void clickToCallChecksTheNumberAndSaysWhenNoGatewayCanPlaceIt() throws Exception {
        String gwuser = token("gwuser");
        Response bad = server.call("POST", "/me/click-to-call", gwuser, json(Map.of("number", "02 2345 6789")));
        assertEquals(400, bad.status(), bad.raw().body());
        assertTrue(bad.json().path("fields").has("number"));
        Response down = server.call("POST", "/me/click-to-call", gwuser, json(Map.of("number", "0223456789")));
        assertEquals(503, down.status(), down.raw().body());
        assertEquals("gateway_down", down.error());
        assertEquals(401, server.call("POST", "/me/click-to-call", null, json(Map.of("number", "3602"))).status());
    }
}
