// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sohosip.server.api.it.ApiTestServer.Response;

/**
 * A gateway's time zone over real HTTPS: the server's own zone by default, any zone of the tz database when given,
 * kept when a change leaves it out, and a clear message at the field for anything else, with nothing stored.
 */
class GatewayTimeZoneIntegrationTest {

    private static ApiTestServer server;
    private static String admin;

    @BeforeAll
    static void start() throws Exception {
        server = ApiTestServer.get();
        admin = server.adminToken();
    }

    private static String json(Map<String, Object> gateway) throws Exception {
        return server.mapper.writeValueAsString(gateway);
    }

    private static Map<String, Object> gateway(String name, String trunk) {
        Map<String, Object> g = new LinkedHashMap<>(Map.of("name", name, "amiHost", "127.0.0.1", "amiUser",
                "sohosip", "amiSecret", "tz-secret-1", "trunkName", trunk, "sipHost", "127.0.0.1", "outboundChannel",
                "DAHDI/g0"));
        return g;
    }

    @Test
    void aGatewaysTimeZoneDefaultsToTheServersAndIsKeptWhenLeftOut() throws Exception {
        Response created = server.call("POST", "/gateways", admin, json(gateway("tz-default", "tzdefault")));
        assertEquals(201, created.status(), created.raw().body());
        long id = created.json().path("id").asLong();
        assertEquals(ZoneId.systemDefault().getId(), created.json().path("timeZone").asText());

        Map<String, Object> taipei = gateway("tz-default", "tzdefault");
        taipei.put("timeZone", "Asia/Taipei");
        Response changed = server.call("PUT", "/gateways/" + id, admin, json(taipei));
        assertEquals(200, changed.status(), changed.raw().body());
        assertEquals("Asia/Taipei", changed.json().path("timeZone").asText());
        Response kept = server.call("PUT", "/gateways/" + id, admin, json(gateway("tz-default", "tzdefault")));
        assertEquals(200, kept.status(), kept.raw().body());
        assertEquals("Asia/Taipei", kept.json().path("timeZone").asText(), "a change without a zone keeps it");
        assertEquals("Asia/Taipei", server.call("GET", "/gateways/" + id, admin, null).json().path("timeZone")
                .asText());
        assertEquals(204, server.call("DELETE", "/gateways/" + id, admin, null).status());
    }

    @Test
    void anInvalidTimeZoneIsRefusedAtTheFieldAndNothingIsStored() throws Exception {
        Map<String, Object> created = gateway("tz-checked", "tzchecked");
        created.put("timeZone", "Europe/Taipei");
        Response bad = server.call("POST", "/gateways", admin, json(created));
        assertEquals(400, bad.status(), bad.raw().body());
        assertEquals("invalid_field", bad.error());
        assertEquals(1, bad.json().path("fields").size(), bad.raw().body());
        String message = bad.json().path("fields").path("timeZone").asText();
        assertTrue(message.contains("'Europe/Taipei' is no time zone") && message.contains("Asia/Taipei"), message);
        assertTrue(server.call("GET", "/gateways", admin, null).json().findValues("name").stream()
                .noneMatch(n -> n.asText().equals("tz-checked")), "nothing stored");

        created.put("timeZone", "Asia/Taipei");
        Response ok = server.call("POST", "/gateways", admin, json(created));
        assertEquals(201, ok.status(), ok.raw().body());
        long id = ok.json().path("id").asLong();
        for (String wrong : new String[] { "+08:00", "", "asia/taipei" }) {
            Map<String, Object> change = gateway("tz-checked", "tzchecked");
            change.put("timeZone", wrong);
            Response refused = server.call("PUT", "/gateways/" + id, admin, json(change));
            assertEquals(400, refused.status(), wrong + ": " + refused.raw().body());
            assertTrue(refused.json().path("fields").has("timeZone"), refused.raw().body());
        }
        assertEquals("Asia/Taipei", server.call("GET", "/gateways/" + id, admin, null).json().path("timeZone")
                .asText(), "the refused changes lost nothing");
        assertEquals(204, server.call("DELETE", "/gateways/" + id, admin, null).status());
    }
}
