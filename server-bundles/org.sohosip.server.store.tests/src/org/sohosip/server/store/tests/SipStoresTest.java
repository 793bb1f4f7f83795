// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sohosip.core.Account;
import org.sohosip.core.CallDirection;
import org.sohosip.core.CallDisposition;
import org.sohosip.core.CallRecord;
import org.sohosip.server.store.AccountChangeListener;
import org.sohosip.server.store.BindingStore;
import org.sohosip.server.store.CallQuery;
import org.sohosip.server.store.CallRecordStore;
import org.sohosip.server.store.Credentials;
import org.sohosip.server.store.SipBinding;

/** The registrar's bindings, the call records, and the account change notifications, on the real database. */
class SipStoresTest {

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

    private static SipBinding binding(String user, String contact, Instant expires) {
        return new SipBinding(user, contact, 1000, expires, "call-" + user, 7, "udp:127.0.0.1:5062");
    }

    @Test
    void bindingsAreReplacedPerUserAndExpire() throws Exception {
        BindingStore bindings = store.other(BindingStore.class);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SipBinding a1 = binding("ann", "sip:ann@127.0.0.1:5061", now.plusSeconds(300));
        SipBinding a2 = binding("ann", "sip:ann@127.0.0.1:5062;transport=tcp", now.plusSeconds(5));
        SipBinding b1 = binding("ben", "sip:ben@127.0.0.1:5070", now.plusSeconds(300));
        bindings.replace(List.of("ann", "ben"), List.of(a1, a2, b1));
        assertEquals(List.of(a1, a2, b1), bindings.unexpired(now));
        assertEquals(List.of(a1, b1), bindings.unexpired(now.plusSeconds(5)), "expired at its expiry");

        bindings.replace(List.of("ann"), List.of(a2));
        assertEquals(List.of(a2, b1), bindings.unexpired(now), "ben's untouched, ann's replaced");
        assertEquals(1, bindings.deleteExpired(now.plusSeconds(10)));
        assertEquals(List.of(b1), bindings.unexpired(now));
        bindings.replace(List.of("ben"), List.of());
        assertEquals(List.of(), bindings.unexpired(now));
        assertThrows(IllegalArgumentException.class, () -> bindings.replace(List.of("ann"), List.of(b1)));
    }

    @Test
    void callRecordsAreFoundFromEachUsersSide() throws Exception {
        CallRecordStore calls = store.other(CallRecordStore.class);
        Instant t0 = Instant.parse("2026-05-01T10:00:00Z");
        CallRecord answered = calls.record(new CallRecord(0, "c1", "cid", "Cid", "dan", "3402", t0,
                t0.plusSeconds(3), t0.plusSeconds(63), CallDisposition.ANSWERED));
        CallRecord cancelled = calls.record(new CallRecord(0, "c2", "dan", null, "cid", "cid", t0.plusSeconds(100),
                null, t0.plusSeconds(110), CallDisposition.CANCELLED));
        CallRecord other = calls.record(new CallRecord(0, "c3", "eve", "Eve", "fay", "fay", t0.plusSeconds(200),
                null, t0.plusSeconds(230), CallDisposition.MISSED));
        assertTrue(answered.id() > 0);
        assertEquals(60, answered.durationSeconds());

        assertEquals(List.of(cancelled, answered), calls.find(new CallQuery("dan", null, null, null, null, 10)));
        assertEquals(List.of(answered), calls.find(new CallQuery("dan", CallDirection.INCOMING, null, null, null,
                10)));
        assertEquals(List.of(cancelled), calls.find(new CallQuery("dan", null, CallDisposition.CANCELLED, null,
                null, 10)), "the caller sees their own cancel");
        assertEquals(List.of(cancelled), calls.find(new CallQuery("cid", null, CallDisposition.MISSED, null, null,
                10)), "the callee sees it as missed");
        assertEquals(List.of(), calls.find(new CallQuery("cid", null, CallDisposition.CANCELLED, null, null, 10)));
        assertEquals(CallDisposition.MISSED, CallQuery.seenBy(cancelled, "cid"));
        assertEquals(List.of(answered), calls.find(new CallQuery("dan", null, null, t0, t0.plusSeconds(100), 10)),
                "from inclusive, to exclusive");
        assertEquals(List.of(cancelled), calls.find(new CallQuery("dan", null, null, null, null, 1)));
        assertEquals(List.of(other), calls.find(new CallQuery("fay", null, null, null, null, 10)));
        assertEquals(List.of(), calls.find(new CallQuery("dan", null, null, null, null, 0)));
    }

    @Test
    void accountChangesAreToldToListeners() throws Exception {
        AtomicLong told = new AtomicLong(-1);
        var registration = org.osgi.framework.FrameworkUtil.getBundle(SipStoresTest.class).getBundleContext()
                .registerService(AccountChangeListener.class, told::set, null);
        try {
            Account created = store.accounts().create(new Account(0, "gil", "Gil", "3490", List.of(), false, true),
                    Credentials.derive("gil", "test.realm", "gil-secret-123"));
            assertEquals(created.id(), told.get());
            told.set(-1);
            store.accounts().update(new Account(created.id(), "gil", "Gil G", "3490", List.of(), false, false));
            assertEquals(created.id(), told.get(), "disabling is a change");
            told.set(-1);
            store.accounts().setCredentials(created.id(), Credentials.derive("gil", "test.realm", "new-secret-456"));
            assertEquals(created.id(), told.get(), "a new password is a change");
        } finally {
            registration.unregister();
        }
    }
}
