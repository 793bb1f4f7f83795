// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.gateway.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sohosip.core.Account;
import org.sohosip.core.CallDisposition;
import org.sohosip.core.CallRecord;
import org.sohosip.core.api.BillingDirection;
import org.sohosip.core.api.BillingDisposition;
import org.sohosip.core.api.BillingRecord;
import org.sohosip.core.api.ClickToCallStarted;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.GatewayChange;
import org.sohosip.core.api.GatewayState;
import org.sohosip.core.api.GatewayStatus;
import org.sohosip.core.api.InboundNumber;
import org.sohosip.core.api.InboundTargetKind;
import org.sohosip.core.api.RouteRule;
import org.sohosip.server.gateway.ClickToCallException;
import org.sohosip.server.gateway.ClickToCallService;
import org.sohosip.server.gateway.GatewayMonitor;
import org.sohosip.server.gateway.amitest.AmiPacket;
import org.sohosip.server.gateway.amitest.AmiTestServer;
import org.sohosip.server.proxy.CallOriginator;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.BillingEntry;
import org.sohosip.server.store.BillingQuery;
import org.sohosip.server.store.BillingStore;
import org.sohosip.server.store.CallRecordStore;
import org.sohosip.server.store.Credentials;
import org.sohosip.server.store.GatewayStore;

/**
 * The gateway controller against the AMI test server (which speaks Asterisk's manager protocol): login and its
 * failure, reconnecting after Asterisk drops the connection, the generated files and the reload that follows,
 * click-to-call by Originate for outside numbers and through the SIP proxy for internal ones, and CDR collection into
 * billing records.
 */
class GatewayControllerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static GatewayTestServer server;
    private static GatewayStore gateways;
    private static GatewayMonitor monitor;
    private static Account anna;
    private static Account ben;
    private AmiTestServer asterisk;
    private Gateway gateway;

    @BeforeAll
    static void start() throws Exception {
        server = GatewayTestServer.get();
        gateways = server.service(GatewayStore.class);
        monitor = server.service(GatewayMonitor.class);
        AccountStore accounts = server.service(AccountStore.class);
        anna = accounts.findByUsername("anna").orElseGet(() -> accounts.create(new Account(0, "anna", "Anna", "3401",
                List.of(), false, true, true, List.of(), 2), Credentials.derive("anna", "office.example", "anna-pw-1")));
        ben = accounts.findByUsername("ben").orElseGet(() -> accounts.create(new Account(0, "ben", "Ben", "3402",
                List.of(), false, true), Credentials.derive("ben", "office.example", "ben-pw-12")));
    }

    @AfterEach
    void cleanUp() throws Exception {
        gateways.routes().forEach(r -> gateways.deleteRoute(r.id()));
        gateways.inboundNumbers().forEach(n -> gateways.deleteInboundNumber(n.id()));
        if (gateway != null) {
            gateways.deleteGateway(gateway.id());
        }
        if (asterisk != null) {
            asterisk.close();
        }
    }

    private Gateway gateway(String name, String secret) {
        gateway = gateways.createGateway(new GatewayChange(name, "127.0.0.1", asterisk.port(), "sohosip", secret,
                name, "127.0.0.1", 5080, "DAHDI/g0", true));
        return gateway;
    }

    private GatewayStatus awaitState(GatewayState state) throws InterruptedException {
        AmiTestServer.await("gateway state " + state + " (now " + monitor.status(gateway.id()) + ")", WAIT,
                () -> monitor.status(gateway.id()).state() == state);
        return monitor.status(gateway.id());
    }

    @Test
    void aRefusedLoginIsShownAndRetriedWithGrowingPauses() throws Exception {
        asterisk = AmiTestServer.start(0, "sohosip", "right-secret", "20.20.1");
        gateway("gw-refused", "wrong-secret");
        GatewayStatus down = awaitState(GatewayState.DOWN);
        assertTrue(down.lastError().contains("refused the login"), down.lastError());
        assertTrue(!down.lastError().contains("wrong-secret"), "the secret is never shown");
        AmiTestServer.await("a second attempt", WAIT, () -> asterisk.failedLogins() >= 2);
        assertEquals(0, asterisk.logins());
        assertEquals(GatewayState.DOWN, monitor.status(gateway.id()).state());

        gateway = gateways.updateGateway(gateway.id(), new GatewayChange("gw-refused", "127.0.0.1", asterisk.port(),
                "sohosip", "right-secret", "gw-refused", "127.0.0.1", 5080, "DAHDI/g0", true));
        awaitState(GatewayState.CONNECTED);
        assertEquals(1, asterisk.logins(), "a corrected secret applies at once");
    }

    @Test
    void theLinkReconnectsAfterAsteriskDropsItAndReloadsTheGeneratedFiles() throws Exception {
        asterisk = AmiTestServer.start(0, "sohosip", "s3cret", "20.20.1");
        gateway("gw-main", "s3cret");
        GatewayStatus up = awaitState(GatewayState.CONNECTED);
        assertEquals("20.20.1", up.asteriskVersion());
        Path folder = server.configDir.resolve("gw-main");
        AmiTestServer.await("a reload after the files were written", WAIT,
                () -> asterisk.actions("Reload").size() >= 2);
        assertTrue(Files.readString(folder.resolve("pjsip.conf")).startsWith("; Generated by SOHOSIP"));
        assertEquals(List.of("res_pjsip.so", "pbx_config.so"), asterisk.actions("Reload").stream()
                .map(a -> a.get("Module")).toList());

        asterisk.refuseConnections(true);
        asterisk.dropConnections();
        awaitState(GatewayState.CONNECTING);
        AmiTestServer.await("attempts while Asterisk is away", WAIT, () -> asterisk.connections() >= 3);
        assertTrue(monitor.status(gateway.id()).state() != GatewayState.CONNECTED);
        asterisk.refuseConnections(false);
        awaitState(GatewayState.CONNECTED);
        assertEquals(2, asterisk.logins(), "one login, one after the drop");
        AmiTestServer.await("the files reloaded again", WAIT, () -> asterisk.actions("Reload").size() >= 4);

        int reloads = asterisk.actions("Reload").size();
        gateways.createInboundNumber(new InboundNumber(0, "0277001234", InboundTargetKind.EXTENSION, "3401", null,
                null, null, "UTC"));
        AmiTestServer.await("a reload after the change", WAIT, () -> asterisk.actions("Reload").size() >= reloads + 2);
        assertTrue(Files.readString(folder.resolve("extensions.conf"))
                .contains("exten => 0277001234,1,Dial(PJSIP/${EXTEN}@gw-main)"));
        assertEquals(1, asterisk.loggedIn(), "the library's own reconnect never adds a second session");
    }

    @Test
    void clickToCallOriginatesThroughTheRouteAndRefusesWhatTheDialPlanRefuses() throws Exception {
        asterisk = AmiTestServer.start(0, "sohosip", "s3cret", "22.1.0");
        gateway("gw-c2c", "s3cret");
        gateways.createRoute(new RouteRule(0, "0", 1, "886", gateway.id(), null, ""));
        awaitState(GatewayState.CONNECTED);
        ClickToCallService c2c = server.service(ClickToCallService.class);

        ClickToCallStarted started = c2c.call(anna, "0223456789");
        assertTrue(started.outside());
        AmiTestServer.await("the Originate", WAIT, () -> !asterisk.actions("Originate").isEmpty());
        AmiPacket originate = asterisk.actions("Originate").get(0);
        assertEquals("PJSIP/3401@gw-c2c", originate.get("Channel"), "anna's own phone rings first");
        assertEquals("gw-c2c-outbound", originate.get("Context"));
        assertEquals("886223456789", originate.get("Exten"));
        assertEquals("anna", originate.get("Account"));
        assertEquals("true", originate.get("Async"));
        assertTrue(originate.get("ActionID").contains(started.reference()), originate.toString());

        ClickToCallException refused = assertThrows(ClickToCallException.class, () -> c2c.call(ben, "0223456789"));
        assertEquals(ClickToCallException.Reason.FORBIDDEN, refused.reason());
        // internal numbers are the SIP proxy's: anna has no phone registered, and Asterisk is not asked
        assertEquals(ClickToCallException.Reason.NO_PHONE,
                assertThrows(ClickToCallException.class, () -> c2c.call(anna, "3402")).reason());
        assertEquals(1, asterisk.actions("Originate").size(), "no Originate for an internal number");

        asterisk.refuseConnections(true);
        asterisk.dropConnections();
        awaitState(GatewayState.CONNECTING);
        assertEquals(ClickToCallException.Reason.GATEWAY_DOWN,
                assertThrows(ClickToCallException.class, () -> c2c.call(anna, "0223456789")).reason());
    }

    @Test
    void internalNumbersAreCalledByTheSipProxyWithoutAnyGateway() throws Exception {
        ClickToCallService c2c = server.service(ClickToCallService.class);
        server.service(CallOriginator.class);
        AmiTestServer.await("the controller to use the proxy", WAIT, () -> reason(() -> c2c.call(ben, "3401"))
                == ClickToCallException.Reason.NO_PHONE);
        ClickToCallException noPhone = assertThrows(ClickToCallException.class, () -> c2c.call(ben, "3401"));
        assertTrue(noPhone.getMessage().contains("start the softphone or sign in a desk phone as ben"),
                noPhone.getMessage());

        try (RegisteredPhone phone = new RegisteredPhone(server.sipPort)) {
            phone.register("ben", "ben-pw-12", "office.example");
            ClickToCallStarted internal = c2c.call(ben, "3401");
            assertFalse(internal.outside());
            assertNull(internal.gatewayId());
            assertEquals("3401", internal.number());
            assertTrue(internal.reference().startsWith("c2c-"), internal.reference());
            String invite = phone.awaitInviteAndDecline(WAIT);
            assertTrue(invite.contains("From: \"Anna (3401)\" <sip:3401@office.example>"),
                    "ben's phone shows whom it will call:\n" + invite);
            assertTrue(invite.contains("Contact: <sip:" + internal.reference() + "@"), invite);
        }
    }

    private static ClickToCallException.Reason reason(org.junit.jupiter.api.function.Executable call) {
        try {
            call.execute();
            return null;
        } catch (ClickToCallException e) {
            return e.reason();
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void cdrEventsBecomeBillingRecordsOncePerCall() throws Exception {
        asterisk = AmiTestServer.start(0, "sohosip", "s3cret", "18.24.0");
        gateway("gw-cdr", "s3cret");
        awaitState(GatewayState.CONNECTED);
        BillingStore billing = server.service(BillingStore.class);
        // The proxy's own record of the call names the office user; it wins over the account code Asterisk set.
        server.service(CallRecordStore.class).record(new CallRecord(0, "call-77@office", "anna", "Anna",
                "0223456789", "0223456789", Instant.parse("2026-11-20T01:00:00Z"), null,
                Instant.parse("2026-11-20T01:02:07Z"), CallDisposition.ANSWERED));
        AmiPacket cdr = AmiPacket.of("Event", "Cdr", "Privilege", "cdr,all", "AccountCode", "unknown", "Source", "3401",
                "Destination", "886223456789", "DestinationContext", "gw-cdr-outbound", "CallerID", "\"Anna\" <3401>",
                "Channel", "PJSIP/gw-cdr-00000001", "DestinationChannel", "DAHDI/1-1", "LastApplication", "Dial",
                "LastData", "DAHDI/g0/886223456789,120", "StartTime", "2026-11-20 09:00:00", "AnswerTime",
                "2026-11-20 09:00:07", "EndTime", "2026-11-20 09:02:07", "Duration", "127", "BillableSeconds", "120",
                "Disposition", "ANSWERED", "AMAFlags", "DOCUMENTATION", "UniqueID", "1795673942.2", "UserField",
                "call-77@office");
        asterisk.event(cdr);
        asterisk.event(cdr); // repeated, as after a reconnect
        asterisk.event(AmiPacket.of("Event", "Cdr", "Privilege", "cdr,all", "Source", "3401", "Destination", "3402",
                "DestinationContext", "from-internal", "StartTime", "2026-11-20 09:05:00", "EndTime",
                "2026-11-20 09:05:10", "Duration", "10", "BillableSeconds", "0", "Disposition", "NO ANSWER",
                "UniqueID", "1795673999.3"));
        asterisk.event(AmiPacket.of("Event", "Cdr", "Privilege", "cdr,all", "Source", "0911222333", "Destination",
                "0277009999", "DestinationContext", "gw-cdr-inbound", "StartTime", "2026-11-20 10:00:00",
                "EndTime", "2026-11-20 10:00:30", "Duration", "30", "BillableSeconds", "0", "Disposition", "BUSY",
                "UniqueID", "1795677000.7"));
        AmiTestServer.await("two billing records", WAIT, () -> billing.find(new BillingQuery(null, "gw-cdr", null, null,
                null, 10)).size() == 2);
        List<BillingEntry> entries = billing.find(new BillingQuery(null, "gw-cdr", null, null, null, 10));
        BillingRecord in = entries.get(0).record();
        BillingRecord out = entries.get(1).record();
        ZoneId zone = ZoneId.systemDefault();
        Instant start = LocalDateTime.parse("2026-11-20T09:00:00").atZone(zone).toInstant();
        assertEquals(new BillingRecord(out.id(), "call-77@office", "anna", "gw-cdr", "886223456789",
                BillingDirection.OUTBOUND, start, start.plusSeconds(7), start.plusSeconds(127), 120,
                BillingDisposition.ANSWERED, "1795673942.2"), out);
        assertEquals("DAHDI/g0/886223456789,120", entries.get(1).details().lastData());
        assertEquals(127, entries.get(1).details().durationSeconds());
        assertEquals(BillingDirection.INBOUND, in.direction());
        assertEquals("0911222333", in.externalNumber());
        assertEquals(BillingDisposition.BUSY, in.disposition());
        assertNotNull(in.end());
    }
}
