// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sohosip.core.CallDisposition;
import org.sohosip.core.CallRecord;
import org.sohosip.server.store.CallQuery;

/** Calls through the proxy between raw SIP phones on loopback, with the call records they leave. */
class CallsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static ProxyTestServer server;
    private TestPhone bob;
    private TestPhone bob2;

    @BeforeAll
    static void start() throws Exception {
        server = ProxyTestServer.get();
    }

    @AfterEach
    void hangUp() throws Exception {
        if (bob != null) {
            bob.close();
        }
        if (bob2 != null) {
            bob2.close();
        }
        server.unregister("bob");
    }

    private static String target(String user) {
        return "sip:" + user + "@" + ProxyTestServer.DOMAIN;
    }

    /** @return the call record of this Call-ID once it is written */
    private static CallRecord record(String callId) throws InterruptedException {
        CallRecord[] found = new CallRecord[1];
        ProxyTestServer.await("the call record of " + callId, () -> {
            for (CallRecord r : server.calls.find(new CallQuery("alice", null, null, null, null, 50))) {
                if (r.callId().equals(callId)) {
                    found[0] = r;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    @ParameterizedTest(name = "dialling {0}")
    @ValueSource(strings = { "bob", "3302", "reception" })
    void anAnsweredCallGoesThroughAndIsRecorded(String dialled) throws Exception {
        bob = server.phone("bob", TestPhone.Mode.ANSWER);
        try (Ua alice = server.ua("alice", "udp")) {
            Ua.Call call = alice.call(target(dialled));
            SipMsg first = call.start(true);
            // The phone sends 180 and 200 back to back; over UDP the proxy may pass them on in either order.
            assertTrue(first.status() == 180 || first.status() == 200, first.text);
            SipMsg ok = first.status() == 200 ? first : alice.socket.awaitStatus(200, "INVITE");
            call.answered(ok);
            assertEquals(1, call.routes.size(), "the proxy stays in the dialog: " + ok.text);
            assertTrue(call.routes.get(0).contains(";lr"), call.routes.get(0));
            call.ack();
            SipMsg invite = bob.await("INVITE", WAIT);
            assertNull(invite.header("Proxy-Authorization"), "credentials for the proxy stop there");
            assertEquals("69", invite.header("Max-Forwards"));
            bob.await("ACK", WAIT);
            assertEquals(200, call.bye().status());
            SipMsg bye = bob.await("BYE", WAIT);
            assertEquals(2, bye.headers("Via").size(), "the BYE came through the proxy:\n" + bye.text);

            CallRecord record = record(call.callId);
            assertEquals(CallDisposition.ANSWERED, record.disposition());
            assertEquals("alice", record.caller());
            assertEquals("Alice", record.callerName());
            assertEquals("bob", record.callee());
            assertEquals(dialled, record.dialled());
            assertNotNull(record.answer());
            assertFalse(record.end().isBefore(record.answer()));
        }
    }

    @Test
    void busyIsPassedBackAndRecordedAsBusy() throws Exception {
        bob = server.phone("bob", TestPhone.Mode.BUSY);
        try (Ua alice = server.ua("alice", "tcp")) {
            Ua.Call call = alice.call(target("3302"));
            SipMsg busy = untilFinal(alice, call.start(true));
            assertEquals(486, busy.status(), busy.text);
            call.ackNon2xx(busy);
            CallRecord record = record(call.callId);
            assertEquals(CallDisposition.BUSY, record.disposition());
            assertNull(record.answer());
        }
    }

    @Test
    void aCancelledCallIsCancelledEverywhereAndRecorded() throws Exception {
        bob = server.phone("bob", TestPhone.Mode.RING);
        try (Ua alice = server.ua("alice", "udp")) {
            Ua.Call call = alice.call(target("bob"));
            assertEquals(180, call.start(true).status());
            assertEquals(200, call.cancel().status());
            SipMsg terminated = alice.socket.awaitFinal("INVITE");
            assertEquals(487, terminated.status(), terminated.text);
            call.ackNon2xx(terminated);
            bob.await("CANCEL", WAIT);
            CallRecord record = record(call.callId);
            assertEquals(CallDisposition.CANCELLED, record.disposition());
        }
    }

    @Test
    void aCallForksToEveryContactAndTheAnswerCancelsTheOthers() throws Exception {
        bob = server.phone("bob", TestPhone.Mode.RING);
        bob2 = server.phone("bob", TestPhone.Mode.ANSWER);
        try (Ua alice = server.ua("alice", "udp")) {
            Ua.Call call = alice.call(target("bob"));
            SipMsg first = call.start(true);
            SipMsg ok = first.status() == 200 ? first : alice.socket.awaitStatus(200, "INVITE");
            call.answered(ok);
            call.ack();
            bob.await("INVITE", WAIT);
            bob2.await("INVITE", WAIT);
            bob.await("CANCEL", WAIT);
            assertFalse(bob2.received("CANCEL"));
            assertEquals(200, call.bye().status());
            bob2.await("BYE", WAIT);
            assertEquals(CallDisposition.ANSWERED, record(call.callId).disposition());
        }
    }

    @Test
    void unknownTargetIs404AndUnregisteredIs480() throws Exception {
        server.unregister("dave");
        try (Ua alice = server.ua("alice", "udp")) {
            Ua.Call unknown = alice.call(target("9999"));
            SipMsg notFound = unknown.start(true);
            assertEquals(404, notFound.status(), notFound.text);
            unknown.ackNon2xx(notFound);
            assertEquals(CallDisposition.FAILED, record(unknown.callId).disposition());

            Ua.Call offline = alice.call(target("dave"));
            SipMsg unavailable = offline.start(true);
            assertEquals(480, unavailable.status(), unavailable.text);
            offline.ackNon2xx(unavailable);
            CallRecord missed = record(offline.callId);
            assertEquals(CallDisposition.MISSED, missed.disposition());
            assertEquals("dave", missed.callee());
        }
    }

    @Test
    void anUnauthenticatedInviteIsChallengedAndNotForwarded() throws Exception {
        bob = server.phone("bob", TestPhone.Mode.ANSWER);
        try (Ua alice = server.ua("alice", "udp")) {
            Ua.Call call = alice.call(target("bob"));
            SipMsg challenge = call.start(false);
            assertEquals(407, challenge.status());
            List<String> offers = challenge.headers("Proxy-Authenticate");
            assertEquals(2, offers.size());
            call.ackNon2xx(challenge);
            Ua mallory = new Ua(alice.socket, "alice", "guessed", ProxyTestServer.DOMAIN, server.sipPort);
            Ua.Call forged = mallory.call(target("bob"));
            assertEquals(407, forged.start(true).status(), "a wrong password is challenged again");
            assertFalse(bob.received("INVITE"));
        }
    }

    @Test
    void maxForwardsZeroIsTooManyHops() throws Exception {
        bob = server.phone("bob", TestPhone.Mode.ANSWER);
        try (Ua alice = server.ua("alice", "udp")) {
            Ua.Call call = alice.call(target("bob"));
            call.maxForwards = 0;
            SipMsg answer = call.start(true);
            assertEquals(483, answer.status(), answer.text);
            assertFalse(bob.received("INVITE"));
        }
    }

    /**
     * The proxy passes responses on from several threads, so a final response can overtake a provisional one: the
     * first answer after the INVITE may already be the final one.
     */
    private static SipMsg untilFinal(Ua alice, SipMsg first) throws InterruptedException {
        return first.status() >= 200 ? first : alice.socket.awaitFinal("INVITE");
    }
}
