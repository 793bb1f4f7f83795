// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.sohosip.core.CallDisposition;
import org.sohosip.core.CallRecord;
import org.sohosip.server.proxy.CallApplication;
import org.sohosip.server.proxy.CallOriginator;
import org.sohosip.server.proxy.NoPhoneException;
import org.sohosip.server.proxy.internal.ClickToCallsAccess;
import org.sohosip.server.store.CallQuery;

/**
 * Click-to-call to internal numbers, placed by the proxy itself: the user's phone rings with a call on hold from
 * the number to be called, is asked (REFER) to call that number, and the proxy leaves with BYE. The user's phone is
 * baresip (a real softphone that takes transfers) or a raw test phone for the refusals; the callee is a raw test
 * phone. No gateway runs here at all.
 */
class ClickToCallIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static ProxyTestServer server;
    private TestPhone alice;
    private TestPhone bob;

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws Exception {
        server = ProxyTestServer.get();
    }

    @AfterEach
    void hangUp() throws Exception {
        for (TestPhone phone : new TestPhone[] { alice, bob }) {
            if (phone != null) {
                phone.close();
            }
        }
        server.unregister("alice");
        server.unregister("bob");
    }

    private static CallOriginator originator() {
        ServiceReference<CallOriginator> ref = server.context.getServiceReference(CallOriginator.class);
        if (ref == null) {
            throw new AssertionError("The proxy offers no CallOriginator");
        }
        return server.context.getService(ref);
    }

    /** @return how the click-to-call ended, once it has */
    private static String outcome(String reference) throws InterruptedException {
        ProxyTestServer.await("the end of " + reference, () -> ClickToCallsAccess.outcome(originator(),
                reference) != null);
        return ClickToCallsAccess.outcome(originator(), reference);
    }

    private static TestPhone phone(String user, TestPhone.Mode mode) throws Exception {
        Ua ua = server.ua(user, "udp");
        SipMsg ok = ua.register(300, "MD5");
        if (ok.status() != 200) {
            ua.close();
            throw new AssertionError("Registration of " + user + " failed:\n" + ok);
        }
        return new TestPhone(ua, mode);
    }

    @Test
    void internalNumbersAreServedByTheProxy() throws Exception {
        CallOriginator originator = originator();
        for (String number : List.of("bob", "3302", "reception")) {
            assertTrue(originator.serves(number), number);
        }
        assertFalse(originator.serves("0223456789"));
        assertFalse(originator.serves("nobody"));
    }

    @Test
    void theUserWithoutARegisteredPhoneIsToldAtOnce() throws Exception {
        server.unregister("carol");
        NoPhoneException e = assertThrows(NoPhoneException.class, () -> originator().call("carol", "3302"));
        assertTrue(e.getMessage().contains("no phone registered"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> originator().call("carol", "0223456789"));
    }

    @Test
    void softphoneRingsFirstThenCallsTheNumberItselfAsTheUser() throws Exception {
        if (!BaresipPhone.installed()) {
            throw new AssertionError("baresip is missing: install it with 'apt-get install -y baresip-core'");
        }
        server.configureProxy(Map.of("sip.auth.algorithms", "MD5"));
        String callId;
        try {
            bob = phone("bob", TestPhone.Mode.ANSWER);
            bob.answerOffers = true;
            try (BaresipPhone softphone = BaresipPhone.start(work, "alice", ProxyTestServer.password("alice"),
                    ProxyTestServer.DOMAIN, server.sipPort, Duration.ofSeconds(60))) {
                try {
                    ProxyTestServer.await("alice's softphone to register", () -> !server.proxy().contacts("alice")
                            .isEmpty());
                    String reference = originator().call("alice", "3302");
                    assertTrue(reference.startsWith("c2c-"), reference);

                    SipMsg invite = bob.await("INVITE", WAIT);
                    assertTrue(invite.header("From").contains("<sip:alice@" + ProxyTestServer.DOMAIN + ">"),
                            "the callee sees the user as the caller:\n" + invite.text);
                    callId = invite.header("Call-ID");
                    assertEquals("transferred", outcome(reference), softphone.output());
                    String trace = softphone.output();
                    assertTrue(trace.contains("From: \"Bob (3302)\" <sip:3302@" + ProxyTestServer.DOMAIN + ">"),
                            "the softphone was rung by the number it would call:\n" + trace);
                    assertTrue(trace.contains("REFER sip:"), trace);
                    bob.await("ACK", WAIT); // the softphone's call to bob is established
                } finally {
                    softphone.saveOutput(Path.of("target/baresip-alice.log"));
                }
            }
        } finally {
            server.configureProxy(Map.of()); // a restart also ends the calls in progress, so their records are written
        }
        String id = callId;
        ProxyTestServer.await("the call record of alice's call to bob", () -> record(id) != null);
        CallRecord record = record(id);
        assertEquals("alice", record.caller());
        assertEquals("bob", record.callee());
        assertEquals("3302", record.dialled());
        assertEquals(CallDisposition.ANSWERED, record.disposition());
        assertTrue(server.calls.find(new CallQuery("alice", null, null, null, null, 500)).stream()
                .noneMatch(r -> r.callId().startsWith(ClickToCallsAccess.PREFIX)), "the hold call leaves no record");
    }

    private static CallRecord record(String callId) {
        return server.calls.find(new CallQuery("alice", null, null, null, null, 50)).stream()
                .filter(r -> r.callId().equals(callId)).findFirst().orElse(null);
    }

    @Test
    void aDeclinedClickToCallNeverRingsTheCallee() throws Exception {
        bob = phone("bob", TestPhone.Mode.ANSWER);
        alice = phone("alice", TestPhone.Mode.DECLINE);
        String reference = originator().call("alice", "3302");

        SipMsg invite = alice.await("INVITE", WAIT);
        assertTrue(invite.header("From").startsWith("\"Bob (3302)\" <sip:3302@" + ProxyTestServer.DOMAIN + ">"),
                invite.text);
        assertTrue(invite.header("To").contains("<sip:alice@" + ProxyTestServer.DOMAIN + ">"), invite.text);
        assertTrue(invite.header("Contact").contains("sip:" + reference + "@"), invite.text);
        assertTrue(invite.text.contains("a=inactive"), "the call rings on hold:\n" + invite.text);
        assertTrue(invite.text.contains("telephone-event/8000"), invite.text);

        assertEquals("alice's phone declined (603)", outcome(reference));
        alice.await("ACK", WAIT);
        assertFalse(alice.received("REFER"));
        assertFalse(bob.received("INVITE"), "the callee never rang");
    }

    @Test
    void aPhoneThatRefusesTransfersGetsByeAndTheCalleeNeverRings() throws Exception {
        bob = phone("bob", TestPhone.Mode.ANSWER);
        alice = phone("alice", TestPhone.Mode.ANSWER);
        alice.referStatus = 501;
        String reference = originator().call("alice", "bob");

        SipMsg refer = alice.await("REFER", WAIT);
        assertTrue(refer.header("Refer-To").contains("sip:bob@" + ProxyTestServer.DOMAIN), refer.text);
        assertTrue(refer.header("Referred-By").contains("sip:alice@" + ProxyTestServer.DOMAIN), refer.text);
        alice.await("BYE", WAIT);
        assertEquals("the phone of alice does not accept REFER transfers (501 Not Implemented)", outcome(reference));
        assertFalse(bob.received("INVITE"), "the callee never rang");
    }

    @Test
    void onlyTheDialogsPhoneMaySendToTheClickToCallContact() throws Exception {
        alice = phone("alice", TestPhone.Mode.RING);
        String reference = originator().call("alice", "3303");
        SipMsg invite = alice.await("INVITE", WAIT);
        String callId = invite.header("Call-ID");
        try (Ua stranger = server.ua("dave", "udp")) {
            stranger.socket.send("NOTIFY sip:" + reference + "@127.0.0.1:" + server.sipPort + " SIP/2.0\r\n"
                    + stranger.via(Ua.branch()) + "Max-Forwards: 70\r\n"
                    + "From: <sip:dave@" + ProxyTestServer.DOMAIN + ">;tag=" + Ua.tag() + "\r\n"
                    + "To: " + invite.header("From") + "\r\n" + "Call-ID: " + callId + "\r\n"
                    + "CSeq: 1 NOTIFY\r\nEvent: refer\r\nContent-Length: 0\r\n\r\n");
            SipMsg answer = stranger.socket.awaitFinal("NOTIFY");
            assertEquals(481, answer.status(), answer.text);
        }
        assertEquals(null, ClickToCallsAccess.outcome(originator(), reference), "the call goes on");
    }

    @Test
    void theFirstPhoneToAnswerGetsTheTransferAndTheOthersAreCancelled() throws Exception {
        bob = phone("bob", TestPhone.Mode.ANSWER);
        alice = phone("alice", TestPhone.Mode.RING);
        try (TestPhone desk = phone("alice", TestPhone.Mode.ANSWER)) {
            String reference = originator().call("alice", "3302");
            alice.await("CANCEL", WAIT);
            desk.await("REFER", WAIT);
            desk.await("BYE", WAIT);
            assertEquals("transferred", outcome(reference));
            assertFalse(alice.received("REFER"), "the phone that did not answer is out of it");
        }
    }

    @Test
    void anUnansweredClickToCallIsCancelledAfterTheRingTime() throws Exception {
        server.configureProxy(Map.of("sip.ringSeconds", 2));
        try {
            bob = phone("bob", TestPhone.Mode.ANSWER);
            alice = phone("alice", TestPhone.Mode.RING);
            String reference = originator().call("alice", "3302");
            alice.await("CANCEL", WAIT);
            assertEquals("no answer within 2 s", outcome(reference));
            assertFalse(alice.received("REFER"));
            assertFalse(bob.received("INVITE"), "the callee never rang");
        } finally {
            server.configureProxy(Map.of());
        }
    }

    @Test
    void aCallApplicationsNumberIsInternalToo() throws Exception {
        ServiceRegistration<CallApplication> application = server.context.registerService(CallApplication.class,
                // never reached: the phone declines
                new TestApplication("voicemail", Set.of("8500"), new InetSocketAddress("127.0.0.1", 9), false), null);
        try {
            alice = phone("alice", TestPhone.Mode.DECLINE);
            assertTrue(originator().serves("8500"));
            String reference = originator().call("alice", "8500");
            SipMsg invite = alice.await("INVITE", WAIT);
            assertTrue(invite.header("From").startsWith("\"Voicemail (8500)\" <sip:8500@" + ProxyTestServer.DOMAIN
                    + ">"), invite.text);
            assertEquals("alice's phone declined (603)", outcome(reference));
        } finally {
            application.unregister();
        }
        assertFalse(originator().serves("8500"), "the number left with its application");
    }
}
