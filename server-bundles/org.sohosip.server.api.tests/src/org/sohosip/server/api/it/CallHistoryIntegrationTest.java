// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sohosip.core.Account;
import org.sohosip.core.CallDisposition;
import org.sohosip.core.CallRecord;
import org.sohosip.server.api.it.ApiTestServer.Response;
import org.sohosip.server.store.CallRecordStore;
import org.sohosip.server.store.Credentials;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code GET /sip} and {@code GET /me/calls} over real HTTPS, with call records in the real store. */
class CallHistoryIntegrationTest {

    private static final String PASSWORD = "history-secret-7731";
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static ApiTestServer server;
    private static String hana;
    private static String ivo;

    @BeforeAll
    static void start() throws Exception {
        server = ApiTestServer.get();
        LogCapture.SECRETS.add(PASSWORD);
        for (String[] u : new String[][] { { "hana", "771", "Hana Hu" }, { "ivo", "772", "Ivo Ink" },
                { "jon", "773", "Jon Ji" } }) {
            if (server.accounts.findByUsername(u[0]).isEmpty()) {
                server.accounts.create(new Account(0, u[0], u[2], u[1], List.of(), false, true),
                        Credentials.derive(u[0], ApiTestServer.REALM, PASSWORD));
            }
        }
        CallRecordStore calls = server.service(CallRecordStore.class, null);
        // hana -> ivo answered (60 s), ivo -> hana cancelled by ivo, hana -> ivo busy, jon -> ivo missed, jon -> hana
        calls.record(call("c1", "hana", "ivo", "772", 0, 5, 65, CallDisposition.ANSWERED));
        calls.record(call("c2", "ivo", "hana", "hana", 100, -1, 110, CallDisposition.CANCELLED));
        calls.record(call("c3", "hana", "ivo", "ivo", 200, -1, 203, CallDisposition.BUSY));
        calls.record(call("c4", "jon", "ivo", "772", 300, -1, 330, CallDisposition.MISSED));
        calls.record(call("c5", "jon", "hana", "771", 400, 402, 410, CallDisposition.ANSWERED));
        hana = token("hana");
        ivo = token("ivo");
    }

    @AfterAll
    static void noSecretsLogged() {
        LogCapture.assertNoSecrets();
    }

    private static CallRecord call(String id, String caller, String callee, String dialled, int start, int answer,
            int end, CallDisposition disposition) {
        return new CallRecord(0, id + "@history-test", caller, caller.toUpperCase(), callee, dialled,
                T0.plusSeconds(start), answer < 0 ? null : T0.plusSeconds(answer), T0.plusSeconds(end), disposition);
    }

    private static String token(String user) throws Exception {
        Response login = server.login(user, PASSWORD);
        assertEquals(200, login.status(), login.raw().body());
        return login.json().path("token").asText();
    }

    private static List<String> others(Response response) {
        List<String> list = new ArrayList<>();
        response.json().forEach(e -> list.add(e.path("direction").asText().substring(0, 2) + ":"
                + e.path("otherParty").asText() + ":" + e.path("disposition").asText()));
        return list;
    }

    @Test
    void sipSettingsNameTheDomainPortAndTransports() throws Exception {
        Response sip = server.call("GET", "/sip", hana, null);
        assertEquals(200, sip.status(), sip.raw().body());
        assertEquals(ApiTestServer.REALM, sip.json().path("domain").asText());
        assertEquals(5060, sip.json().path("port").asInt(), "the default: this test server sets no sip.port");
        assertEquals("[\"udp\",\"tcp\"]", sip.json().path("transports").toString());
        assertEquals(401, server.call("GET", "/sip", null, null).status());
    }

    @Test
    void aUserSeesOnlyTheirOwnCallsNewestFirstFromTheirSide() throws Exception {
        Response all = server.call("GET", "/me/calls", hana, null);
        assertEquals(200, all.status(), all.raw().body());
        assertEquals(List.of("IN:jon:ANSWERED", "OU:ivo:BUSY", "IN:ivo:MISSED", "OU:ivo:ANSWERED"), others(all),
                "ivo's cancelled call is missed for hana; jon -> ivo is not hana's");
        JsonNode first = all.json().get(3);
        assertEquals(60, first.path("durationSeconds").asLong());
        assertEquals("Ivo Ink", first.path("otherDisplayName").asText(), "the callee's display name");
        assertEquals(T0.toString(), first.path("start").asText());
        assertEquals("JON", all.json().get(0).path("otherDisplayName").asText(), "the caller's name as recorded");

        assertEquals(List.of("IN:jon:MISSED", "IN:hana:BUSY", "OU:hana:CANCELLED", "IN:hana:ANSWERED"),
                others(server.call("GET", "/me/calls", ivo, null)), "the caller sees their own cancel");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "direction=incoming|IN:jon:ANSWERED,IN:ivo:MISSED",
            "direction=OUTGOING|OU:ivo:BUSY,OU:ivo:ANSWERED",
            "disposition=missed|IN:ivo:MISSED",
            "disposition=cancelled|",
            "disposition=answered&direction=outgoing|OU:ivo:ANSWERED",
            "from=2026-03-02T08:01:40Z&to=2026-03-02T08:05:00Z|OU:ivo:BUSY,IN:ivo:MISSED",
            "from=2026-03-02T09:01:40%2B01:00|IN:jon:ANSWERED,OU:ivo:BUSY,IN:ivo:MISSED",
            "limit=1|IN:jon:ANSWERED" })
    void filters(String query, String expected) throws Exception {
        Response response = server.call("GET", "/me/calls?" + query, hana, null);
        assertEquals(200, response.status(), response.raw().body());
        List<String> want = expected == null ? List.of() : List.of(expected.split(","));
        assertEquals(want, others(response));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = { "direction=sideways|direction", "disposition=lost|disposition",
            "from=yesterday|from", "to=2026-13-01T00:00:00Z|to", "limit=0|limit", "limit=1001|limit",
            "limit=ten|limit", "from=2026-03-02T09:00:00Z&to=2026-03-02T08:00:00Z|to" })
    void badParametersAreNamed(String query, String field) throws Exception {
        Response response = server.call("GET", "/me/calls?" + query, hana, null);
        assertEquals(400, response.status(), response.raw().body());
        assertEquals("invalid_field", response.error());
        assertTrue(response.json().path("fields").has(field), response.raw().body());
    }

    @Test
    void callsNeedAToken() throws Exception {
        Response response = server.call("GET", "/me/calls", null, null);
        assertEquals(401, response.status());
        assertEquals("unauthorized", response.error());
    }
}
