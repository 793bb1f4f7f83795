// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.net.InetSocketAddress;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;
import org.sohosip.core.Account;
import org.sohosip.core.api.EmergencyNumber;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.GatewayChange;
import org.sohosip.core.api.InboundNumber;
import org.sohosip.core.api.InboundTargetKind;
import org.sohosip.core.api.RouteRule;
import org.sohosip.server.proxy.CallApplication;
import org.sohosip.server.store.CallQuery;
import org.sohosip.server.store.GatewayStore;

/**
 * Calls to and from the telephone network through a gateway: a real sipp stands for the telephone side behind
 * Asterisk; the toll-fraud cases use a raw phone there, which also shows which INVITEs got through at all.
 */
class PstnIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static ProxyTestServer server;
    private static GatewayStore gateways;
    private static Gateway gateway;

    @BeforeAll
    static void start() throws Exception {
        server = ProxyTestServer.get();
        ServiceTracker<GatewayStore, GatewayStore> tracker = new ServiceTracker<>(server.context, GatewayStore.class,
                null);
        tracker.open();
        gateways = tracker.waitForService(ProxyTestServer.TIMEOUT.toMillis());
        gateway = gateways.createGateway(new GatewayChange("fxo", "127.0.0.1", 5038, "sohosip", "secret", "office",
                "127.0.0.1", 5999, "DAHDI/g0", true));
        gateways.createRoute(new RouteRule(0, "0", 1, "886", gateway.id(), null, "national numbers"));
        gateways.createRoute(new RouteRule(0, "00", 0, "", gateway.id(), "managers", "abroad: managers only"));
        gateways.replaceEmergencyNumbers(List.of(new EmergencyNumber("119", gateway.id()),
                new EmergencyNumber("110", gateway.id())));
        telephony("alice", true, List.of(), 2);
        telephony("carol", true, List.of("managers"), 2);
    }

    @AfterAll
    static void removeDialPlan() {
        gateways.replaceEmergencyNumbers(List.of());
        gateways.routes().forEach(r -> gateways.deleteRoute(r.id()));
        gateways.inboundNumbers().forEach(n -> gateways.deleteInboundNumber(n.id()));
        gateways.deleteGateway(gateway.id());
        telephony("alice", false, List.of(), 2);
        telephony("carol", false, List.of(), 2);
    }

    private static void telephony(String user, boolean pstn, List<String> groups, int limit) {
        Account a = server.accounts.findByUsername(user).orElseThrow();
        server.accounts.update(a.withTelephony(pstn, groups, limit));
    }

    /** Points the gateway's SIP address (the Asterisk trunk) at a local port. */
    private static void gatewayAt(int port) {
        Gateway g = gateway;
        gateway = gateways.updateGateway(g.id(), new GatewayChange(g.name(), g.amiHost(), g.amiPort(), g.amiUser(),
                null, g.trunkName(), "127.0.0.1", port, g.outboundChannel(), true));
    }

    private static String target(String number) {
        return "sip:" + number + "@" + ProxyTestServer.DOMAIN;
    }

    private static String requestLine(SipMsg m) {
        return m.text.lines().findFirst().orElse("");
    }

    /** A phone on the telephone side of the gateway that rings and leaves the answer to the test. */
    private static TestPhone pstnSide() throws Exception {
        TestPhone side = new TestPhone(new Ua(SipSocket.open("udp", server.sipPort), "pstn", "-", "pstn.example",
                server.sipPort), TestPhone.Mode.RING);
        gatewayAt(side.ua.socket.port());
        return side;
    }

    @Test
    void anOfficeClientDialsANationalNumberAndTheInviteReachesThePstnSideRewritten() throws Exception {
        try (Sipp pstn = Sipp.server("pstn-answer.xml"); Ua alice = server.ua("alice", "udp")) {
            gatewayAt(pstn.port);
            Ua.Call call = alice.call(target("0223456789"));
            SipMsg first = call.start(true);
            SipMsg ok = first.status() == 200 ? first : alice.socket.awaitStatus(200, "INVITE");
            call.answered(ok);
            call.ack();
            assertEquals(200, call.bye().status());
            pstn.assertSucceeded();
            String trace = pstn.messages();
            assertTrue(trace.contains("INVITE sip:886223456789@127.0.0.1:" + pstn.port + " SIP/2.0"),
                    "prefix 0 stripped, 886 put in front, sent to the gateway's address:\n" + trace);
            assertTrue(trace.contains("P-Asserted-Identity: <sip:alice@" + ProxyTestServer.DOMAIN + ">"), trace);
            ProxyTestServer.await("the call record", () -> server.calls.find(new CallQuery("alice", null, null, null,
                    null, 50)).stream().anyMatch(r -> r.callId().equals(call.callId)
                            && r.callee().equals("0223456789") && r.answer() != null));
        }
    }

    @Test
    void unauthenticatedAndUnpermittedCallsNeverReachTheGatewayButEmergencyCallsDo() throws Exception {
        try (TestPhone pstn = pstnSide(); Ua bob = server.ua("bob", "udp"); Ua alice = server.ua("alice", "udp")) {
            Ua.Call noCredentials = bob.call(target("0223456789"));
            SipMsg challenge = noCredentials.start(false);
            assertEquals(407, challenge.status(), "challenged like every call");
            noCredentials.ackNon2xx(challenge);

            Ua intruder = new Ua(SipSocket.open("udp", server.sipPort), "alice", "wrong-password",
                    ProxyTestServer.DOMAIN, server.sipPort);
            try (intruder) {
                SipMsg refused = intruder.call(target("0223456789")).start(true);
                assertEquals(407, refused.status(), "a wrong password is challenged again, never forwarded");
            }

            SipMsg forbidden = bob.call(target("0223456789")).start(true);
            assertEquals(403, forbidden.status(), forbidden.text);
            assertTrue(requestLine(forbidden).contains("Outside calls not permitted"), forbidden.text);
            SipMsg abroad = alice.call(target("0081312345678")).start(true);
            assertEquals(403, abroad.status(), "the 00 rule is for managers only: " + abroad.text);

            Ua.Call emergency = bob.call(target("119"));
            assertEquals(180, emergency.start(true).status());
            SipMsg invite = pstn.await("INVITE", WAIT);
            assertEquals("INVITE sip:119@127.0.0.1:" + pstn.ua.socket.port() + " SIP/2.0", requestLine(invite),
                    "the first INVITE the telephone side sees is the emergency call, unchanged");
            assertEquals(1, pstn.requests.stream().filter(m -> m.method().equals("INVITE")).count());
            pstn.respond(invite, 486, "Busy Here", true);
            assertEquals(486, bob.socket.awaitStatus(486, "INVITE").status());
        }
    }

    @Test
    void aBurstOfOutsideCallsOverTheLimitIsRefusedAsBusy() throws Exception {
        try (TestPhone pstn = pstnSide(); Ua alice = server.ua("alice", "udp")) {
            Ua.Call one = alice.call(target("0223456781"));
            assertEquals(180, one.start(true).status());
            Ua.Call two = alice.call(target("0223456782"));
            assertEquals(180, two.start(true).status());
            SipMsg third = alice.call(target("0223456783")).start(true);
            assertEquals(486, third.status(), third.text);
            assertTrue(requestLine(third).contains("Outside Call Limit Reached"), third.text);
            SipMsg sos = alice.call(target("110")).start(true);
            assertEquals(180, sos.status(), "emergency calls are not limited");

            ProxyTestServer.await("three INVITEs at the telephone side",
                    () -> pstn.requests.stream().filter(m -> m.method().equals("INVITE")).count() == 3);
            for (SipMsg invite : List.copyOf(pstn.requests)) {
                if (invite.method().equals("INVITE")) {
                    pstn.respond(invite, 486, "Busy Here", true);
                }
            }
            java.util.Set<String> ended = new java.util.HashSet<>();
            while (!ended.containsAll(List.of(one.callId, two.callId))) {
                ended.add(alice.socket.await(m -> m.isResponse() && m.status() == 486, WAIT, "the calls to end")
                        .header("Call-ID"));
            }
            // The places are free again once the calls ended.
            Ua.Call[] again = new Ua.Call[1];
            ProxyTestServer.await("a new outside call to go through", () -> {
                try {
                    alice.socket.clear(); // retransmitted answers of the calls that ended
                    again[0] = alice.call(target("0223456784"));
                    return again[0].start(true).status() == 180;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // End it too, so that the next test starts with no outside call in progress.
            ProxyTestServer.await("its INVITE at the telephone side", () -> pstn.requests.stream()
                    .anyMatch(m -> m.method().equals("INVITE") && m.header("Call-ID").equals(again[0].callId)));
            pstn.respond(pstn.requests.stream().filter(m -> m.method().equals("INVITE")
                    && m.header("Call-ID").equals(again[0].callId)).findFirst().orElseThrow(), 486, "Busy Here", true);
            alice.socket.await(m -> m.isResponse() && m.status() == 486 && m.header("Call-ID").equals(
                    again[0].callId), WAIT, "the last call to end");
        }
    }

    @Test
    void inboundNumbersRingTheirTargetByOfficeHoursAndOnlyTheGatewayIsTrusted() throws Exception {
        TestPhone bob = server.phone("bob", TestPhone.Mode.ANSWER);
        TestPhone carol = server.phone("carol", TestPhone.Mode.ANSWER);
        try (Ua asterisk = new Ua(SipSocket.open("udp", server.sipPort), "0911222333", "-", "pstn.example",
                server.sipPort)) {
            gatewayAt(asterisk.socket.port());
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            String otherDay = DayOfWeek.from(now).plus(2).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            gateways.createInboundNumber(new InboundNumber(0, "0277001234", InboundTargetKind.EXTENSION, "3302",
                    null, null, null, "UTC"));
            gateways.createInboundNumber(new InboundNumber(0, "0277005678", InboundTargetKind.EXTENSION, "3302",
                    InboundTargetKind.EXTENSION, "carol", otherDay + " 08:00-18:00", "UTC"));

            SipMsg answered = asterisk.call(target("0277001234")).start(false);
            assertTrue(answered.status() == 180 || answered.status() == 200, answered.text);
            assertTrue(bob.await("INVITE", WAIT).text.contains("0911222333"), "the caller's number is shown");
            if (answered.status() == 180) {
                asterisk.socket.awaitStatus(200, "INVITE");
            }
            asterisk.socket.clear();

            SipMsg afterHours = asterisk.call(target("0277005678")).start(false);
            assertTrue(afterHours.status() == 180 || afterHours.status() == 200, afterHours.text);
            carol.await("INVITE", WAIT);
            if (afterHours.status() == 180) {
                asterisk.socket.awaitStatus(200, "INVITE");
            }
            asterisk.socket.clear();

            SipMsg hairpin = asterisk.call(target("0223456789")).start(false);
            assertEquals(403, hairpin.status(), "a gateway may not call out through the office: " + hairpin.text);
        } finally {
            bob.close();
            carol.close();
            server.unregister("bob");
            server.unregister("carol");
        }
        try (Ua stranger = new Ua(SipSocket.open("udp", server.sipPort), "0911222333", "-", "pstn.example",
                server.sipPort)) {
            assertEquals(407, stranger.call(target("0277001234")).start(false).status(),
                    "from any other address an inbound number is an ordinary, authenticated call");
        }
    }

    @Test
    void anInboundNumberForAMailboxReachesTheVoicemailApplicationWithTheMailboxAsUser() throws Exception {
        TestPhone voicemail = new TestPhone(new Ua(SipSocket.udp(server.sipPort), "voicemail", "-",
                ProxyTestServer.DOMAIN, server.sipPort), TestPhone.Mode.ANSWER);
        InetSocketAddress at = new InetSocketAddress("127.0.0.1", voicemail.ua.socket.port());
        ServiceRegistration<CallApplication> registration = server.context.registerService(CallApplication.class,
                new TestApplication("voicemail", Set.of("8500"), at, true), null);
        try (Ua asterisk = new Ua(SipSocket.open("udp", server.sipPort), "0911222333", "-", "pstn.example",
                server.sipPort)) {
            gatewayAt(asterisk.socket.port());
            InboundNumber line = gateways.createInboundNumber(new InboundNumber(0, "0277009999",
                    InboundTargetKind.VOICEMAIL, "bob", null, null, null, "UTC"));
            try {
                SipMsg answered = asterisk.call(target("0277009999")).start(false);
                assertTrue(answered.status() == 180 || answered.status() == 200, answered.text);
                SipMsg invite = voicemail.await("INVITE", WAIT);
                assertTrue(requestLine(invite).startsWith("INVITE sip:bob@127.0.0.1:" + at.getPort()),
                        "the mailbox owner is the Request-URI user: " + invite.text);
                assertTrue(invite.text.contains("0911222333"), "the caller's number travels on: " + invite.text);
            } finally {
                gateways.deleteInboundNumber(line.id());
            }
        } finally {
            registration.unregister();
            voicemail.close();
        }
    }
}
