// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;
import org.sohosip.core.CallDisposition;
import org.sohosip.core.CallRecord;
import org.sohosip.server.proxy.CallApplication;
import org.sohosip.server.store.CallQuery;

/**
 * The hooks call applications (voicemail) hang on: calls to their numbers, unanswered calls diverted to voicemail
 * with Diversion and History-Info, message-summary subscriptions, and the contacts the proxy knows. The application
 * is a raw SIP phone on loopback registered as a {@link CallApplication} service.
 */
class ApplicationsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static ProxyTestServer server;
    private TestPhone application;
    private ServiceRegistration<CallApplication> registration;
    private TestPhone bob;

    @BeforeAll
    static void start() throws Exception {
        server = ProxyTestServer.get();
        server.configureProxy(Map.of("voicemail.noAnswerSeconds", 2));
    }

    @AfterAll
    static void baseline() throws Exception {
        server.configureProxy(Map.of());
    }

    @BeforeEach
    void startApplication() throws Exception {
        application = new TestPhone(new Ua(SipSocket.udp(server.sipPort), "voicemail", "-", ProxyTestServer.DOMAIN,
                server.sipPort), TestPhone.Mode.ANSWER);
        InetSocketAddress at = new InetSocketAddress("127.0.0.1", application.ua.socket.port());
        registration = server.context.registerService(CallApplication.class,
                new TestApplication("voicemail", Set.of("8500", "*97"), at, true), null);
    }

    @AfterEach
    void stopApplication() throws Exception {
        registration.unregister();
        application.close();
        if (bob != null) {
            bob.close();
        }
        server.unregister("bob");
    }

    private static String target(String user) {
        return "sip:" + user + "@" + ProxyTestServer.DOMAIN;
    }

    private static String requestUri(SipMsg request) {
        return request.text.substring(request.text.indexOf(' ') + 1, request.text.indexOf(" SIP/2.0"));
    }

    @Test
    void aCallToAnApplicationNumberReachesItWithTheAssertedCaller() throws Exception {
        try (Ua alice = server.ua("alice", "udp")) {
            Ua.Call call = alice.call(target("*97"));
            call.extraHeaders = "P-Asserted-Identity: <sip:bob@" + ProxyTestServer.DOMAIN + ">\r\n";
            SipMsg answer = untilFinal(alice, call.start(true));
            assertEquals(200, answer.status(), answer.text);
            SipMsg invite = application.await("INVITE", WAIT);
            assertTrue(requestUri(invite).startsWith("sip:*97@127.0.0.1:"), invite.text);
            assertEquals(List.of("<sip:alice@" + ProxyTestServer.DOMAIN + ">"), invite.headers("P-Asserted-Identity"),
                    "only the proxy asserts who calls, never the caller itself:\n" + invite.text);
            assertFalse(invite.headers("Record-Route").isEmpty(), "the proxy stays in the dialog");
        }
    }

    @Test
    void anUnansweredCallGoesToVoicemailAfterTheNoAnswerTime() throws Exception {
        bob = server.phone("bob", TestPhone.Mode.RING);
        try (Ua alice = server.ua("alice", "udp")) {
            Ua.Call call = alice.call(target("3302"));
            long begin = System.nanoTime();
            SipMsg answer = untilFinal(alice, call.start(true));
            assertEquals(200, answer.status(), answer.text);
            long waited = (System.nanoTime() - begin) / 1_000_000;
            assertTrue(waited >= 1500, "rang " + waited + " ms, not the 2 s configured");
            bob.await("CANCEL", WAIT);
            SipMsg invite = application.await("INVITE", WAIT);
            assertTrue(requestUri(invite).startsWith("sip:bob@127.0.0.1:"), invite.text);
            assertEquals("<sip:3302@" + ProxyTestServer.DOMAIN + ">;reason=no-answer;counter=1",
                    invite.header("Diversion"));
            String history = String.join(",", invite.headers("History-Info"));
            assertTrue(history.contains("<sip:3302@" + ProxyTestServer.DOMAIN + ">;index=1"), history);
            assertTrue(history.contains("cause=408"), history);
            assertEquals("<sip:alice@" + ProxyTestServer.DOMAIN + ">", invite.header("P-Asserted-Identity"));
            CallRecord record = record(call.callId);
            assertEquals(CallDisposition.MISSED, record.disposition(), "bob missed the call");
        }
    }

    @Test
    void aCallBusyEverywhereGoesToVoicemailAsBusy() throws Exception {
        bob = server.phone("bob", TestPhone.Mode.BUSY);
        try (Ua alice = server.ua("alice", "tcp")) {
            Ua.Call call = alice.call(target("bob"));
            SipMsg answer = untilFinal(alice, call.start(true));
            assertEquals(200, answer.status(), answer.text);
            SipMsg invite = application.await("INVITE", WAIT);
            assertEquals("<sip:3302@" + ProxyTestServer.DOMAIN + ">;reason=user-busy;counter=1",
                    invite.header("Diversion"));
            assertTrue(String.join(",", invite.headers("History-Info")).contains("cause=486"));
        }
    }

    @Test
    void aCallToSomeoneNotRegisteredGoesToVoicemailAsUnavailable() throws Exception {
        server.unregister("dave");
        try (Ua alice = server.ua("alice", "udp")) {
            Ua.Call call = alice.call(target("dave"));
            SipMsg answer = untilFinal(alice, call.start(true));
            assertEquals(200, answer.status(), answer.text);
            SipMsg invite = application.await("INVITE", WAIT);
            assertTrue(requestUri(invite).startsWith("sip:dave@"), invite.text);
            assertEquals("<sip:3304@" + ProxyTestServer.DOMAIN + ">;reason=unavailable;counter=1",
                    invite.header("Diversion"));
        }
    }

    @Test
    void messageSummarySubscriptionsOfTheOwnerGoToVoicemailOthersAreRefused() throws Exception {
        try (Ua bobUa = server.ua("bob", "udp"); Ua alice = server.ua("alice", "udp")) {
            assertEquals(200, subscribe(bobUa, "bob").status());
            SipMsg subscribe = application.await("SUBSCRIBE", WAIT);
            assertTrue(requestUri(subscribe).startsWith("sip:bob@127.0.0.1:"), subscribe.text);
            assertEquals("<sip:bob@" + ProxyTestServer.DOMAIN + ">", subscribe.header("P-Asserted-Identity"));
            assertEquals(403, subscribe(alice, "bob").status(), "alice may not watch bob's mailbox");
        }
    }

    @Test
    void theProxyTellsTheRegisteredContacts() throws Exception {
        bob = server.phone("bob", TestPhone.Mode.ANSWER);
        List<String> contacts = server.proxy().contacts("bob");
        assertEquals(1, contacts.size(), contacts.toString());
        assertTrue(contacts.get(0).contains(":" + bob.ua.socket.port()), contacts.toString());
        assertEquals(List.of(), server.proxy().contacts("nobody"));
    }

    /** SUBSCRIBE to a mailbox's message-summary, answering the challenge. */
    private static SipMsg subscribe(Ua ua, String mailbox) throws Exception {
        String callId = Ua.callId();
        String tag = Ua.tag();
        String uri = target(mailbox);
        String auth = "";
        for (int cseq = 1; cseq <= 2; cseq++) {
            ua.socket.send("SUBSCRIBE " + uri + " SIP/2.0\r\n" + ua.via(Ua.branch()) + "Max-Forwards: 70\r\n"
                    + "From: <sip:" + ua.user + "@" + ProxyTestServer.DOMAIN + ">;tag=" + tag + "\r\n"
                    + "To: <" + uri + ">\r\nCall-ID: " + callId + "\r\nCSeq: " + cseq + " SUBSCRIBE\r\n"
                    + "Contact: " + ua.contact() + "\r\nEvent: message-summary\r\nExpires: 3600\r\n"
                    + "Accept: application/simple-message-summary\r\n" + auth + "Content-Length: 0\r\n\r\n");
            SipMsg answer = ua.socket.awaitFinal("SUBSCRIBE");
            if (answer.status() != 407) {
                return answer;
            }
            auth = ua.authorization("Proxy-Authorization", answer, "SUBSCRIBE", uri, "SHA-256");
        }
        throw new AssertionError("challenged twice");
    }

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
        assertNotNull(found[0]);
        return found[0];
    }

    private static SipMsg untilFinal(Ua alice, SipMsg first) throws InterruptedException {
        return first.status() >= 200 ? first : alice.socket.awaitFinal("INVITE");
    }
}
