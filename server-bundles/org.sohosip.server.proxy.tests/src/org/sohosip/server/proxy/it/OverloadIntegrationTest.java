// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The order of one call's messages through several workers, and load shedding when the proxy falls behind. */
class OverloadIntegrationTest {

    private static ProxyTestServer server;
    private boolean reconfigured;
    private TestPhone bob;

    @BeforeAll
    static void start() throws Exception {
        server = ProxyTestServer.get();
    }

    @AfterEach
    void baseline() throws Exception {
        if (bob != null) {
            bob.close();
            server.unregister("bob");
        }
        if (reconfigured) {
            server.configureProxy(Map.of());
        }
    }

    @Test
    void theRingingAndTheAnswerOfACallReachTheCallerInTheOrderTheCalleeSentThem() throws Exception {
        reconfigured = true;
        server.configureProxy(Map.of("sip.threads", 8));
        bob = server.phone("bob", TestPhone.Mode.ANSWER);
        try (Ua alice = server.ua("alice", "udp")) {
            for (int i = 0; i < 30; i++) {
                Ua.Call call = alice.call("sip:bob@" + ProxyTestServer.DOMAIN);
                // bob's phone sends 180 and 200 back to back: with 8 workers they used to overtake each other
                SipMsg first = call.start(true);
                assertEquals(180, first.status(), "call " + i + ": " + first.startLine);
                SipMsg ok = alice.socket.awaitStatus(200, "INVITE");
                call.answered(ok);
                call.ack();
                assertEquals(200, call.bye().status());
                alice.socket.clear();
            }
            // phones answer to where a request came from: the proxy must send from its listening port
            assertEquals(0, bob.ua.socket.fromElsewhere.get(), "datagrams to bob from another port than the proxy's");
            assertEquals(0, alice.socket.fromElsewhere.get(), "datagrams to alice from another port");
        }
    }

    @Test
    void anOverloadedProxyRefusesNewRegistrationsWith503AndRetryAfterThenRecovers() throws Exception {
        reconfigured = true;
        server.configureProxy(Map.of("sip.threads", 1, "sip.maxQueue", 20, "sip.retryAfterSeconds", 9));
        try (Ua carol = server.ua("carol", "udp")) {
            int burst = 2_000;
            for (int i = 0; i < burst; i++) {
                carol.socket.send("REGISTER sip:127.0.0.1:" + server.sipPort + " SIP/2.0\r\n" + carol.via(Ua.branch())
                        + "Max-Forwards: 70\r\nFrom: <sip:carol@" + ProxyTestServer.DOMAIN + ">;tag=" + Ua.tag()
                        + "\r\nTo: <sip:carol@" + ProxyTestServer.DOMAIN + ">\r\nCall-ID: " + Ua.callId()
                        + "\r\nCSeq: 1 REGISTER\r\nContact: " + carol.contact() + "\r\nContent-Length: 0\r\n\r\n");
            }
            int challenged = 0;
            int refused = 0;
            SipMsg answer;
            while ((answer = carol.socket.poll(Duration.ofSeconds(2))) != null) {
                if (answer.status() == 401) {
                    challenged++;
                } else if (answer.status() == 503) {
                    refused++;
                    assertEquals("9", answer.header("Retry-After").strip(), answer.text);
                    assertTrue(answer.header("To").contains("tag="), answer.text);
                } else {
                    throw new AssertionError("unexpected answer to REGISTER:\n" + answer);
                }
            }
            assertTrue(refused > 0, "some registrations were refused (" + challenged + " challenged)");
            assertTrue(challenged > 0, "the proxy kept serving what it could (" + refused + " refused)");
            // the queue has drained: the phone registers as usual
            assertEquals(200, carol.register(300, "MD5").status());
        }
    }
}
