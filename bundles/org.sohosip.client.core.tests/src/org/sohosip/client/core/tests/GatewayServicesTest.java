// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.sohosip.client.core.ApiException;
import org.sohosip.client.core.BillingFilter;
import org.sohosip.client.core.BillingService;
import org.sohosip.client.core.ClickToCallService;
import org.sohosip.client.core.ClientException;
import org.sohosip.client.core.DialPlanService;
import org.sohosip.client.core.GatewayService;
import org.sohosip.client.core.InboundNumberService;
import org.sohosip.client.core.KnownServersFile;
import org.sohosip.client.core.internal.BillingServiceImpl;
import org.sohosip.client.core.internal.ClickToCallServiceImpl;
import org.sohosip.client.core.internal.DialPlanServiceImpl;
import org.sohosip.client.core.internal.GatewayServiceImpl;
import org.sohosip.client.core.internal.InboundNumberServiceImpl;
import org.sohosip.client.core.internal.SessionServiceImpl;
import org.sohosip.client.core.tests.GatewayApiServer.Answer;
import org.sohosip.core.api.ApiError;
import org.sohosip.core.api.BillingDirection;
import org.sohosip.core.api.BillingDisposition;
import org.sohosip.core.api.BillingRecord;
import org.sohosip.core.api.BillingTotals;
import org.sohosip.core.api.ClickToCallStarted;
import org.sohosip.core.api.EmergencyNumber;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.GatewayChange;
import org.sohosip.core.api.GatewayState;
import org.sohosip.core.api.GatewayStatus;
import org.sohosip.core.api.InboundNumber;
import org.sohosip.core.api.InboundTargetKind;
import org.sohosip.core.api.RouteRule;

/**
 * The administration services for the PSTN gateway and the click-to-call service over real HTTPS with the real
 * session: the requests they send (method, path, query, body, the session's token) and how they read answers and
 * errors. The server is a small HTTPS endpoint on loopback answering as {@code docs/api.md} says.
 */
class GatewayServicesTest {

    private static final Gateway FXO = new Gateway(7, "fxo-main", "10.0.0.5", 5038, "sohosip", true, "sohosip",
            "10.0.0.5", 5060, "DAHDI/g0", true);
    private static TestCertificates cert;

    @TempDir
    Path dir;
    private GatewayApiServer server;
    private SessionServiceImpl session;

    @BeforeAll
    static void certificate(@TempDir Path certs) throws Exception {
        cert = TestCertificates.generate(certs, "pbx");
    }

    @BeforeEach
    void start() throws Exception {
        server = new GatewayApiServer(cert);
        session = new SessionServiceImpl(new KnownServersFile(dir.resolve("known")), Duration.ofSeconds(1));
        session.login(server.uri(), "alice", "secret-1234".toCharArray(), c -> true);
        server.requests.clear(); // the login's own requests are the session's business, tested elsewhere
    }

    @AfterEach
    void stop() {
        session.logout();
        server.close();
    }

    @Test
    void gatewaysAreListedCreatedChangedStatusedAndDeletedWithTheSessionToken() {
        GatewayService gateways = new GatewayServiceImpl(session);
        server.answers.put("GET /api/v1/gateways", Answer.json(200, List.of(FXO)));
        server.answers.put("POST /api/v1/gateways", Answer.json(201, FXO));
        server.answers.put("PUT /api/v1/gateways/7", Answer.json(200, FXO));
        server.answers.put("DELETE /api/v1/gateways/7", Answer.json(204, ""));
        GatewayStatus up = new GatewayStatus(7, GatewayState.CONNECTED, "20.20.1", null,
                Instant.parse("2026-11-26T08:00:00Z"));
        server.answers.put("GET /api/v1/gateways/7/status", Answer.json(200, up));

        assertEquals(List.of(FXO), gateways.gateways());
        assertEquals(FXO, gateways.create(new GatewayChange("fxo-main", "10.0.0.5", null, "sohosip", "s3cret!",
                "sohosip", "10.0.0.5", null, "DAHDI/g0", true)));
        assertTrue(server.last().body().contains("\"amiSecret\":\"s3cret!\""), "the secret goes to the server");
        assertFalse(server.last().body().contains("amiPort"), "a null port is left out, the server takes 5038");
        gateways.update(7, new GatewayChange("fxo-main", "10.0.0.6", 5039, "sohosip", null, "sohosip", "10.0.0.6",
                5060, "DAHDI/g0", false));
        assertFalse(server.last().body().contains("amiSecret"), "no secret on PUT keeps the stored one");
        assertTrue(server.last().body().contains("\"enabled\":false"), server.last().body());
        assertEquals(up, gateways.status(7));
        gateways.delete(7);
        assertEquals(List.of("GET /api/v1/gateways", "POST /api/v1/gateways", "PUT /api/v1/gateways/7",
                "GET /api/v1/gateways/7/status", "DELETE /api/v1/gateways/7"), server.lines());
        assertTrue(server.requests.stream().filter(r -> !r.pathAndQuery().startsWith("/api/v1/auth/"))
                .allMatch(r -> r.authorization().equals("Bearer " + GatewayApiServer.TOKEN)));
    }

    @Test
    void fieldErrorsAndConflictsComeBackWithTheirFieldsAndMessages() {
        GatewayService gateways = new GatewayServiceImpl(session);
        server.answers.put("POST /api/v1/gateways", Answer.json(400, new ApiError(400, "invalid_field",
                "Some fields are not valid.", Map.of("amiPort", "A port is 1 to 65535."))));
        server.answers.put("DELETE /api/v1/gateways/7", Answer.json(409, new ApiError(409, "in_use",
                "Route rules still use gateway fxo-main.", Map.of())));
        ApiException bad = assertThrows(ApiException.class, () -> gateways.create(new GatewayChange("x", "h", 0,
                "u", "s", "t", "h", null, "DAHDI/g0", null)));
        assertEquals(Map.of("amiPort", "A port is 1 to 65535."), bad.fieldErrors());
        ApiException inUse = assertThrows(ApiException.class, () -> gateways.delete(7));
        assertEquals("in_use", inUse.code());
        assertEquals("Route rules still use gateway fxo-main.", inUse.getMessage());
    }

    @Test
    void routesComeLongestPrefixFirstAndEmergencyNumbersAreReplacedAsAWhole() {
        DialPlanService plan = new DialPlanServiceImpl(session);
        RouteRule any = new RouteRule(1, "0", 1, "", 7, null, "outside");
        RouteRule mobile = new RouteRule(2, "09", 0, "", 7, "sales", "mobiles");
        RouteRule intl = new RouteRule(3, "002", 3, "00", 7, null, "international");
        server.answers.put("GET /api/v1/routes", Answer.json(200, List.of(any, intl, mobile)));
        server.answers.put("POST /api/v1/routes", Answer.json(201, mobile));
        server.answers.put("PUT /api/v1/routes/2", Answer.json(200, mobile));
        server.answers.put("DELETE /api/v1/routes/2", Answer.json(204, ""));
        List<EmergencyNumber> numbers = List.of(new EmergencyNumber("110", 7), new EmergencyNumber("119", 7));
        server.answers.put("GET /api/v1/emergency-numbers", Answer.json(200, numbers));
        server.answers.put("PUT /api/v1/emergency-numbers", Answer.json(200, numbers));

        assertEquals(List.of(intl, mobile, any), plan.routes(), "longest prefix first, as the proxy tries them");
        plan.createRoute(mobile);
        assertTrue(server.last().body().contains("\"allowedGroup\":\"sales\""), server.last().body());
        plan.updateRoute(2, mobile);
        plan.deleteRoute(2);
        assertEquals(numbers, plan.emergencyNumbers());
        assertEquals(numbers, plan.setEmergencyNumbers(numbers));
        assertEquals("[{\"number\":\"110\",\"gatewayId\":7},{\"number\":\"119\",\"gatewayId\":7}]",
                server.last().body());
        assertEquals(List.of("GET /api/v1/routes", "POST /api/v1/routes", "PUT /api/v1/routes/2",
                "DELETE /api/v1/routes/2", "GET /api/v1/emergency-numbers", "PUT /api/v1/emergency-numbers"),
                server.lines());
    }

    @Test
    void inboundNumbersAreListedCreatedChangedAndDeleted() {
        InboundNumberService inbound = new InboundNumberServiceImpl(session);
        InboundNumber main = new InboundNumber(4, "0223456789", InboundTargetKind.RING_GROUP, "reception",
                InboundTargetKind.VOICEMAIL, "3301", "Mon-Fri 08:30-18:00", "Asia/Taipei");
        server.answers.put("GET /api/v1/inbound-numbers", Answer.json(200, List.of(main)));
        server.answers.put("POST /api/v1/inbound-numbers", Answer.json(201, main));
        server.answers.put("PUT /api/v1/inbound-numbers/4", Answer.json(200, main));
        server.answers.put("DELETE /api/v1/inbound-numbers/4", Answer.json(204, ""));
        assertEquals(List.of(main), inbound.inboundNumbers());
        assertEquals(main, inbound.create(main));
        assertTrue(server.last().body().contains("\"targetKind\":\"RING_GROUP\""), server.last().body());
        assertTrue(server.last().body().contains("\"officeHours\":\"Mon-Fri 08:30-18:00\""), server.last().body());
        inbound.update(4, main);
        inbound.delete(4);
        assertEquals(List.of("GET /api/v1/inbound-numbers", "POST /api/v1/inbound-numbers",
                "PUT /api/v1/inbound-numbers/4", "DELETE /api/v1/inbound-numbers/4"), server.lines());
    }

    @Test
    void billingSendsEveryFilterAndReadsRecordsAndTotals() {
        BillingService billing = new BillingServiceImpl(session);
        BillingRecord r = new BillingRecord(9, "abc@pbx", "alice", "fxo-main", "0223456789",
                BillingDirection.OUTBOUND, Instant.parse("2026-11-26T09:00:00Z"), Instant.parse("2026-11-26T09:00:05Z"),
                Instant.parse("2026-11-26T09:02:05Z"), 120, BillingDisposition.NO_ANSWER, "1795673942.2");
        server.answers.put("GET /api/v1/billing", Answer.json(200, List.of(r)));
        List<BillingTotals> days = List.of(new BillingTotals("2026-11-26", 3, 2, 300));
        server.answers.put("GET /api/v1/billing/totals", Answer.json(200, days));

        BillingFilter f = new BillingFilter("o'brien & co", 7L, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), BillingDirection.OUTBOUND);
        assertEquals(List.of(r), billing.records(f, 50_000));
        assertEquals(days, billing.totals(f, BillingService.Grouping.DAY, ZoneId.of("Asia/Taipei")));
        billing.records(BillingFilter.all(), 0);
        assertEquals(List.of(
                "GET /api/v1/billing?user=o%27brien+%26+co&gateway=7&from=2026-11-01T00:00:00Z"
                        + "&to=2026-12-01T00:00:00Z&direction=outbound&limit=10000",
                "GET /api/v1/billing/totals?user=o%27brien+%26+co&gateway=7&from=2026-11-01T00:00:00Z"
                        + "&to=2026-12-01T00:00:00Z&direction=outbound&by=day&tz=Asia%2FTaipei",
                "GET /api/v1/billing?limit=1"), server.lines());
        assertEquals(BillingDisposition.NO_ANSWER, billing.records(BillingFilter.all(), 1).get(0).disposition());
    }

    @Test
    void anEmptyDateRangeIsRefusedBeforeAnyRequest() {
        BillingService billing = new BillingServiceImpl(session);
        Instant t = Instant.parse("2026-11-26T00:00:00Z");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> billing.records(new BillingFilter(null, null, t, t, null), 10));
        assertEquals("The start of the date range must be before its end.", e.getMessage());
        assertTrue(server.lines().isEmpty());
    }

    @Test
    void csvExportWritesTheServersBytesAndAFailedExportLeavesTheOldFileAlone() throws Exception {
        BillingService billing = new BillingServiceImpl(session);
        String csv = "\"\",\"3301\",\"0223456789\",\"from-sohosip\",\"\"\"Alice\"\" <3301>\",\"PJSIP/sohosip-1\","
                + "\"DAHDI/1-1\",\"Dial\",\"DAHDI/g0/0223456789\",\"2026-11-26 09:00:00\",\"2026-11-26 09:00:05\","
                + "\"2026-11-26 09:02:05\",125,120,\"ANSWERED\",\"DOCUMENTATION\",\"1795673942.2\",\"\"\n";
        server.answers.put("GET /api/v1/billing.csv", new Answer(200, csv.getBytes(StandardCharsets.UTF_8),
                "text/csv"));
        Path target = dir.resolve("Master.csv");
        long n = billing.exportCsv(new BillingFilter(null, null, null, null, BillingDirection.OUTBOUND), target);
        assertEquals(csv, Files.readString(target));
        assertEquals(csv.getBytes(StandardCharsets.UTF_8).length, n);
        assertEquals("GET /api/v1/billing.csv?direction=outbound", server.last().method() + " "
                + server.last().pathAndQuery());

        server.answers.put("GET /api/v1/billing.csv", Answer.json(403, new ApiError(403, "forbidden",
                "Only administrators may see other users' calls.", Map.of())));
        ApiException e = assertThrows(ApiException.class, () -> billing.exportCsv(BillingFilter.all(), target));
        assertEquals(403, e.status());
        assertEquals(csv, Files.readString(target), "the earlier export is still there, whole");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("Master.csv"), files.map(p -> p.getFileName().toString())
                    .filter(s -> s.contains("Master")).toList(), "no partial file left behind");
        }
    }

    @Test
    void clickToCallPostsTheNumberAndReportsWhyItCannot() {
        ClickToCallService ctc = new ClickToCallServiceImpl(session);
        ClickToCallStarted started = new ClickToCallStarted("0223456789", true, 7L, "ami-42");
        server.answers.put("POST /api/v1/me/click-to-call", Answer.json(202, started));
        assertEquals(started, ctc.callFromDesk(" 0223456789 "));
        assertEquals("{\"number\":\"0223456789\"}", server.last().body());

        server.answers.put("POST /api/v1/me/click-to-call", Answer.json(409, new ApiError(409, "not_registered",
                "None of your phones is registered, so it cannot ring.", Map.of())));
        ApiException e = assertThrows(ApiException.class, () -> ctc.callFromDesk("3302"));
        assertEquals("None of your phones is registered, so it cannot ring.", e.getMessage());
        int before = server.requests.size();
        assertThrows(IllegalArgumentException.class, () -> ctc.callFromDesk("  "));
        assertEquals(before, server.requests.size(), "an empty number is not sent");
    }

    @Test
    void withoutLoginNothingIsSent() {
        session.logout();
        int before = server.requests.size();
        ClientException e = assertThrows(ClientException.class, () -> new GatewayServiceImpl(session).gateways());
        assertEquals("You are not logged in.", e.getMessage());
        assertThrows(ClientException.class, () -> new ClickToCallServiceImpl(session).callFromDesk("3302"));
        assertEquals(before, server.requests.size());
    }

    @Test
    void theServicesAreRegistered() {
        BundleContext ctx = FrameworkUtil.getBundle(GatewayServiceImpl.class).getBundleContext();
        for (Class<?> type : List.of(GatewayService.class, DialPlanService.class, InboundNumberService.class,
                BillingService.class, ClickToCallService.class)) {
            assertNotNull(ctx.getServiceReference(type), type.getSimpleName() + " is registered");
        }
    }
}
