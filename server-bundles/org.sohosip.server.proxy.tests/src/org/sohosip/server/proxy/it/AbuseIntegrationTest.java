// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Flood, password guessing, scanners and oversized messages. */
class AbuseIntegrationTest {

    private static ProxyTestServer server;
    private boolean reconfigured;

    @BeforeAll
    static void start() throws Exception {
        server = ProxyTestServer.get();
    }

    @AfterEach
    void baseline() throws Exception {
        if (reconfigured) {
            server.configureProxy(Map.of());
        }
    }

    private static String options(Ua ua, String userAgent) {
        return "OPTIONS sip:127.0.0.1:" + server.sipPort + " SIP/2.0\r\n" + ua.via(Ua.branch())
                + "Max-Forwards: 70\r\nFrom: <sip:probe@" + ProxyTestServer.DOMAIN + ">;tag=" + Ua.tag() + "\r\n"
                + "To: <sip:127.0.0.1:" + server.sipPort + ">\r\nCall-ID: " + Ua.callId() + "\r\nCSeq: 1 OPTIONS\r\n"
                + "User-Agent: " + userAgent + "\r\nContent-Length: 0\r\n\r\n";
    }

    @Test
    void anAddressOverTheRateLimitIsIgnoredForAWhile() throws Exception {
        reconfigured = true;
        server.configureProxy(Map.of("sip.rateLimit", 20, "sip.rateBlockSeconds", 2));
        try (Ua ua = server.ua("carol", "udp")) {
            for (int i = 0; i < 60; i++) {
                ua.socket.send(options(ua, "flood"));
            }
            int answered = 0;
            while (ua.socket.poll(Duration.ofMillis(500)) != null) {
                answered++;
            }
            assertTrue(answered >= 1 && answered <= 21, answered + " of 60 answered");
            ProxyTestServer.await("the block to end", () -> {
                try {
                    ua.socket.send(options(ua, "patient"));
                    return ua.socket.poll(Duration.ofMillis(200)) != null;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Test
    void repeatedFailedAuthenticationLocksTheAddressOut() throws Exception {
        reconfigured = true;
        server.configureProxy(Map.of("sip.auth.lockAfter", 3, "sip.auth.lockSeconds", 60));
        try (Ua guesser = new Ua(SipSocket.udpFrom("127.0.0.2", server.sipPort), "carol", "guess",
                ProxyTestServer.DOMAIN, server.sipPort)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(401, guesser.register(300, "MD5").status());
            }
            Ua honest = new Ua(guesser.socket, "carol", ProxyTestServer.password("carol"), ProxyTestServer.DOMAIN,
                    server.sipPort);
            SipMsg refused = honest.register(300, "MD5");
            assertEquals(403, refused.status(), "even the right password is refused from a locked-out address");
        }
        try (Ua other = server.ua("carol", "tcp")) {
            assertEquals(200, other.register(300, "MD5").status(), "other addresses are not affected");
        } finally {
            server.unregister("carol");
        }
    }

    @Test
    void scannersAreIgnored() throws Exception {
        try (Ua ua = server.ua("carol", "udp")) {
            ua.socket.send(options(ua, "friendly-scanner"));
            ua.socket.send(options(ua, "sipvicious 0.3"));
            ua.socket.send(options(ua, "SOHOSIP-test"));
            SipMsg first = ua.socket.await(m -> m.isResponse(), Duration.ofSeconds(5), "an answer");
            assertEquals(200, first.status());
            assertTrue(first.text.contains("Call-ID: "), first.text);
            assertNull(ua.socket.poll(Duration.ofMillis(500)), "only the ordinary request got an answer");
        }
    }

    @Test
    void anOversizedRequestIsRefused() throws Exception {
        try (Ua ua = server.ua("carol", "udp")) {
            String big = options(ua, "SOHOSIP-test").replace("Content-Length: 0\r\n",
                    "X-Padding: " + "x".repeat(20_000) + "\r\nContent-Length: 0\r\n");
            ua.socket.send(big);
            assertEquals(513, ua.socket.awaitFinal("OPTIONS").status());
        }
    }
}
