// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.gateway.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sohosip.core.api.BillingRecord;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.GatewayChange;
import org.sohosip.core.api.GatewayState;
import org.sohosip.server.gateway.GatewayMonitor;
import org.sohosip.server.gateway.amitest.AmiPacket;
import org.sohosip.server.gateway.amitest.AmiTestServer;
import org.sohosip.server.store.BillingEntry;
import org.sohosip.server.store.BillingQuery;
import org.sohosip.server.store.BillingStore;
import org.sohosip.server.store.GatewayStore;

/**
 * Asterisk writes a CDR's times as local date-times of its own host, without a zone: the controller reads them in
 * the gateway's time zone, whatever the SOHOSIP server's own zone is, and a changed zone applies to the next CDRs.
 */
class CdrTimeZoneTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static GatewayTestServer server;
    private static GatewayStore gateways;
    private static GatewayMonitor monitor;
    private static BillingStore billing;
    private AmiTestServer asterisk;
    private Gateway gateway;

    @BeforeAll
    static void start() throws Exception {
        server = GatewayTestServer.get();
        gateways = server.service(GatewayStore.class);
        monitor = server.service(GatewayMonitor.class);
        billing = server.service(BillingStore.class);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (gateway != null) {
            gateways.deleteGateway(gateway.id());
        }
        if (asterisk != null) {
            asterisk.close();
        }
    }

    private static GatewayChange change(int amiPort, String timeZone) {
        return new GatewayChange("gw-taipei", "127.0.0.1", amiPort, "sohosip", "s3cret", "gw-taipei", "127.0.0.1",
                5080, "DAHDI/g0", true, timeZone);
    }

    /** An answered outbound call of {@code seconds}, Asterisk's times as cdr_manager writes them. */
    private static AmiPacket cdr(String uniqueId, String start, String answer, String end, int seconds) {
        return AmiPacket.of("Event", "Cdr", "Privilege", "cdr,all", "AccountCode", "", "Source", "3401", "Destination",
                "0223456789", "DestinationContext", "gw-taipei-outbound", "CallerID", "\"Anna\" <3401>", "Channel",
                "PJSIP/gw-taipei-00000001", "DestinationChannel", "DAHDI/1-1", "LastApplication", "Dial", "LastData",
                "DAHDI/g0/0223456789,120", "StartTime", start, "AnswerTime", answer, "EndTime", end, "Duration",
                String.valueOf(seconds + 5), "BillableSeconds", String.valueOf(seconds), "Disposition", "ANSWERED",
                "AMAFlags", "DOCUMENTATION", "UniqueID", uniqueId, "UserField", "");
    }

    private static BillingRecord billed(String uniqueId) throws InterruptedException {
        BillingQuery all = new BillingQuery(null, "gw-taipei", null, null, null, 10);
        AmiTestServer.await("the billing record of " + uniqueId, WAIT, () -> billing.find(all).stream()
                .anyMatch(e -> uniqueId.equals(e.record().uniqueId())));
        return billing.find(all).stream().map(BillingEntry::record).filter(r -> uniqueId.equals(r.uniqueId()))
                .findFirst().orElseThrow();
    }

    @Test
    void cdrTimesAreReadInTheGatewaysTimeZone() throws Exception {
        asterisk = AmiTestServer.start(0, "sohosip", "s3cret", "20.20.1");
        gateway = gateways.createGateway(change(asterisk.port(), "Asia/Taipei"));
        assertEquals("Asia/Taipei", gateway.timeZone());
        AmiTestServer.await("the gateway to connect", WAIT,
                () -> monitor.status(gateway.id()).state() == GatewayState.CONNECTED);

        asterisk.event(cdr("1795673942.31", "2026-11-20 09:00:00", "2026-11-20 09:00:05", "2026-11-20 09:02:05", 120));
        BillingRecord taipei = billed("1795673942.31");
        // Taipei is UTC+8 all year
        assertEquals(Instant.parse("2026-11-20T01:00:00Z"), taipei.start());
        assertEquals(Instant.parse("2026-11-20T01:00:05Z"), taipei.answer());
        assertEquals(Instant.parse("2026-11-20T01:02:05Z"), taipei.end());
        assertEquals(120, taipei.billableSeconds());

        // the Asterisk box moves to New York: the link is renewed with the new zone, daylight-saving time included
        int logins = asterisk.logins();
        gateway = gateways.updateGateway(gateway.id(), change(asterisk.port(), "America/New_York"));
        assertEquals("America/New_York", gateway.timeZone());
        // a new login means the new link is the gateway's link; events count once it is connected
        AmiTestServer.await("a new link with the changed gateway", WAIT, () -> asterisk.logins() > logins
                && asterisk.loggedIn() == 1 && monitor.status(gateway.id()).state() == GatewayState.CONNECTED);
        asterisk.event(cdr("1795680000.32", "2026-07-01 09:00:00", "2026-07-01 09:00:10", "2026-07-01 09:01:10", 60));
        BillingRecord summer = billed("1795680000.32");
        assertEquals(Instant.parse("2026-07-01T13:00:00Z"), summer.start(), "EDT is UTC-4");
        assertEquals(Instant.parse("2026-07-01T13:01:10Z"), summer.end());
        asterisk.event(cdr("1795690000.33", "2026-12-01 09:00:00", "2026-12-01 09:00:10", "2026-12-01 09:01:10", 60));
        assertEquals(Instant.parse("2026-12-01T14:00:00Z"), billed("1795690000.33").start(), "EST is UTC-5");
        assertEquals(Instant.parse("2026-11-20T01:00:00Z"), billed("1795673942.31").start(),
                "records already stored keep their time");

        // a change that does not name a zone keeps the stored one
        gateway = gateways.updateGateway(gateway.id(), change(asterisk.port(), null));
        assertEquals("America/New_York", gateway.timeZone());
        assertEquals(List.of("America/New_York"), gateways.gateways().stream().filter(g -> g.id() == gateway.id())
                .map(Gateway::timeZone).toList());
    }
}
