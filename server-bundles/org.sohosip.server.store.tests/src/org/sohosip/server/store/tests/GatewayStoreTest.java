// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.sohosip.core.Account;
import org.sohosip.core.CallDisposition;
import org.sohosip.core.CallRecord;
import org.sohosip.core.api.BillingDirection;
import org.sohosip.core.api.BillingDisposition;
import org.sohosip.core.api.BillingRecord;
import org.sohosip.core.api.EmergencyNumber;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.GatewayChange;
import org.sohosip.core.api.InboundNumber;
import org.sohosip.core.api.InboundTargetKind;
import org.sohosip.core.api.RouteRule;
import org.sohosip.server.store.BillingEntry;
import org.sohosip.server.store.BillingQuery;
import org.sohosip.server.store.BillingStore;
import org.sohosip.server.store.CallRecordStore;
import org.sohosip.server.store.CdrDetails;
import org.sohosip.server.store.Credentials;
import org.sohosip.server.store.DuplicateException;
import org.sohosip.server.store.GatewayConfigListener;
import org.sohosip.server.store.GatewayInUseException;
import org.sohosip.server.store.GatewayStore;
import org.sohosip.server.store.NoSuchEntryException;

/** Schema version 5 on the real database: gateways, dial plan, billing and the accounts' telephony fields. */
class GatewayStoreTest {

    private static StoreRunner store;

    @BeforeAll
    static void start() throws Exception {
        store = StoreRunner.fresh();
        store.start();
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
    }

    private static GatewayChange change(String name, String trunk, String secret) {
        return new GatewayChange(name, "127.0.0.1", null, "sohosip", secret, trunk, "127.0.0.1", 5080, "DAHDI/g0",
                null);
    }

    @Test
    void accountsKeepPstnPermissionGroupsAndLimit() throws Exception {
        Account plain = store.accounts().create(new Account(0, "hana", "Hana", "3801", List.of(), false, true),
                Credentials.derive("hana", "test.realm", "hana-secret-123"));
        assertFalse(plain.pstnAllowed(), "no outside calls unless granted");
        assertEquals(List.of(), plain.groups());
        assertEquals(Account.DEFAULT_OUTSIDE_CALL_LIMIT, plain.outsideCallLimit());

        Account granted = store.accounts().update(plain.withTelephony(true, List.of("sales", "front", "sales"), 5));
        assertTrue(granted.pstnAllowed());
        assertEquals(List.of("front", "sales"), granted.groups(), "a set, sorted");
        assertEquals(5, granted.outsideCallLimit());
        assertEquals(granted, store.accounts().find(plain.id()).orElseThrow());
        assertEquals(granted, store.accounts().list().stream().filter(a -> a.id() == plain.id()).findFirst()
                .orElseThrow());
        Account fewer = store.accounts().update(granted.withTelephony(true, List.of("sales"), 1));
        assertEquals(List.of("sales"), fewer.groups());
    }

    @Test
    void gatewaysRoutesAndNumbersAreStoredCheckedAndTold() throws Exception {
        GatewayStore gateways = store.other(GatewayStore.class);
        AtomicInteger told = new AtomicInteger();
        var registration = FrameworkUtil.getBundle(GatewayStoreTest.class).getBundleContext()
                .registerService(GatewayConfigListener.class, told::incrementAndGet, null);
        try {
            Gateway fxo = gateways.createGateway(change("fxo", "office-trunk", "s3cret"));
            assertEquals(new Gateway(fxo.id(), "fxo", "127.0.0.1", 5038, "sohosip", true, "office-trunk",
                    "127.0.0.1", 5080, "DAHDI/g0", true), fxo);
            assertEquals(1, told.get());
            assertEquals("s3cret", gateways.amiSecret(fxo.id()).orElseThrow());
            Gateway renamed = gateways.updateGateway(fxo.id(), change("fxo-main", "office-trunk", null));
            assertEquals("s3cret", gateways.amiSecret(fxo.id()).orElseThrow(), "null keeps the secret");
            assertEquals("fxo-main", renamed.name());
            assertEquals("name", assertThrows(DuplicateException.class,
                    () -> gateways.createGateway(change("fxo-main", "t2", "x"))).field());
            assertEquals("trunkName", assertThrows(DuplicateException.class,
                    () -> gateways.createGateway(change("other", "office-trunk", "x"))).field());

            RouteRule national = gateways.createRoute(new RouteRule(0, "0", 0, "", fxo.id(), null, "national"));
            RouteRule intl = gateways.createRoute(new RouteRule(0, "00", 0, "", fxo.id(), "managers", "abroad"));
            assertEquals(List.of(national, intl), gateways.routes());
            assertEquals("prefix", assertThrows(DuplicateException.class,
                    () -> gateways.createRoute(new RouteRule(0, "0", 1, "", fxo.id(), null, ""))).field());
            assertThrows(NoSuchEntryException.class,
                    () -> gateways.createRoute(new RouteRule(0, "9", 1, "", 999_999, null, "")));
            RouteRule changed = gateways.updateRoute(national.id(), new RouteRule(0, "0", 1, "886", fxo.id(), null,
                    "national, international format"));
            assertEquals(national.id(), changed.id());
            assertEquals("886", changed.prepend());

            List<EmergencyNumber> sos = List.of(new EmergencyNumber("119", fxo.id()),
                    new EmergencyNumber("110", fxo.id()));
            assertEquals(List.of(sos.get(1), sos.get(0)), gateways.replaceEmergencyNumbers(sos));
            assertThrows(DuplicateException.class, () -> gateways.replaceEmergencyNumbers(List.of(sos.get(0),
                    sos.get(0))));
            assertEquals(2, gateways.emergencyNumbers().size(), "a refused list changes nothing");

            GatewayInUseException inUse = assertThrows(GatewayInUseException.class,
                    () -> gateways.deleteGateway(fxo.id()));
            assertTrue(inUse.getMessage().contains("110, 119"), inUse.getMessage());
            assertTrue(gateways.gateway(fxo.id()).isPresent());

            InboundNumber main = gateways.createInboundNumber(new InboundNumber(0, "0223456789",
                    InboundTargetKind.RING_GROUP, "front", InboundTargetKind.VOICEMAIL, "3801",
                    "Mon-Fri 08:30-18:00", "Asia/Taipei"));
            assertEquals(List.of(main), gateways.inboundNumbers());
            assertEquals("did", assertThrows(DuplicateException.class, () -> gateways.createInboundNumber(
                    new InboundNumber(0, "0223456789", InboundTargetKind.EXTENSION, "3801", null, null, null,
                            "UTC"))).field());
            gateways.deleteInboundNumber(main.id());
            assertThrows(NoSuchEntryException.class, () -> gateways.deleteInboundNumber(main.id()));

            gateways.replaceEmergencyNumbers(List.of());
            gateways.deleteRoute(national.id());
            gateways.deleteRoute(intl.id());
            int before = told.get();
            gateways.deleteGateway(fxo.id());
            assertEquals(before + 1, told.get());
            assertEquals(List.of(), gateways.gateways());
        } finally {
            registration.unregister();
        }
    }

    @Test
    void billingRecordsAreKeptOncePerAsteriskCallAndFiltered() throws Exception {
        BillingStore billing = store.other(BillingStore.class);
        Instant t0 = Instant.parse("2026-06-01T09:00:00Z");
        CdrDetails cdr = new CdrDetails("3801", "0223456789", "from-sohosip", "\"Hana\" <3801>",
                "PJSIP/sohosip-00000001", "DAHDI/1-1", "Dial", "DAHDI/g0/0223456789,60", 65, "DOCUMENTATION",
                "call-1@office");
        BillingRecord out = billing.record(new BillingRecord(0, "call-1@office", "hana", "fxo", "0223456789",
                BillingDirection.OUTBOUND, t0, t0.plusSeconds(5), t0.plusSeconds(65), 60, BillingDisposition.ANSWERED,
                "1795673942.2"), cdr);
        BillingRecord again = billing.record(new BillingRecord(0, "call-1@office", "hana", "fxo", "0223456789",
                BillingDirection.OUTBOUND, t0, t0.plusSeconds(5), t0.plusSeconds(65), 60, BillingDisposition.ANSWERED,
                "1795673942.2"), cdr);
        assertEquals(out, again, "a repeated CDR is billed once");
        BillingRecord in = billing.record(new BillingRecord(0, "", null, "fxo", "0911222333",
                BillingDirection.INBOUND, t0.plusSeconds(3600), null, t0.plusSeconds(3630), 0,
                BillingDisposition.NO_ANSWER, "1795677000.7"), cdr);

        List<BillingEntry> all = billing.find(new BillingQuery(null, null, null, null, null, 100));
        assertEquals(List.of(in, out), all.stream().map(BillingEntry::record).toList());
        assertEquals(cdr, all.get(1).details());
        assertEquals(List.of(out), billing.find(new BillingQuery("hana", null, null, null, null, 10)).stream()
                .map(BillingEntry::record).toList());
        assertEquals(List.of(in), billing.find(new BillingQuery(null, "fxo", null, null, BillingDirection.INBOUND,
                10)).stream().map(BillingEntry::record).toList());
        assertEquals(List.of(out), billing.find(new BillingQuery(null, null, t0, t0.plusSeconds(3600), null, 10))
                .stream().map(BillingEntry::record).toList(), "from inclusive, to exclusive");
        assertEquals(out, billing.findByUniqueId("1795673942.2").orElseThrow());

        CallRecordStore calls = store.other(CallRecordStore.class);
        CallRecord call = calls.record(new CallRecord(0, "call-1@office", "hana", "Hana", "0223456789",
                "0223456789", t0, t0.plusSeconds(5), t0.plusSeconds(65), CallDisposition.ANSWERED));
        assertEquals(call, calls.findByCallId("call-1@office").orElseThrow());
        assertTrue(calls.findByCallId("nope").isEmpty());
    }
}
