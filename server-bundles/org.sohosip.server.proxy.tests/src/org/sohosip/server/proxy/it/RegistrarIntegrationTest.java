// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The registrar over real UDP and TCP sockets: digest challenges, bindings, expiry and persistence. */
class RegistrarIntegrationTest {

    private static ProxyTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ProxyTestServer.get();
    }

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({ "MD5, udp", "SHA-256, udp", "MD5, tcp", "SHA-256, tcp" })
    void challengeThenRegisterWithEitherAlgorithm(String algorithm, String transport) throws Exception {
        try (Ua ua = server.ua("carol", transport)) {
            SipMsg challenge = ua.sendRegister(Ua.callId(), Ua.tag(), 1, ua.contact(), 300, null);
            assertEquals(401, challenge.status());
            List<String> offers = challenge.headers("WWW-Authenticate");
            assertEquals(2, offers.size(), challenge.text);
            assertEquals("SHA-256", SipMsg.param(offers.get(0), "algorithm"), "SHA-256 is offered first (RFC 8760)");
            assertEquals("MD5", SipMsg.param(offers.get(1), "algorithm"));
            for (String offer : offers) {
                assertEquals(ProxyTestServer.DOMAIN, SipMsg.param(offer, "realm"));
                assertEquals("auth", SipMsg.param(offer, "qop"));
            }

            SipMsg ok = ua.register(300, algorithm);
            assertEquals(200, ok.status(), ok.text);
            String contact = ok.header("Contact");
            assertTrue(contact.contains(ua.socket.sentBy()), contact);
            int expires = Integer.parseInt(SipMsg.param(contact, "expires"));
            assertTrue(expires > 290 && expires <= 300, contact);
        } finally {
            server.unregister("carol");
        }
    }

    @Test
    void aCapturedRegistrationCannotBeReplayedButARetransmissionIsAnsweredAgain() throws Exception {
        try (Ua ua = server.ua("carol", "udp")) {
            String callId = Ua.callId();
            String tag = Ua.tag();
            SipMsg challenge = ua.sendRegister(callId, tag, 1, ua.contact(), 300, null);
            assertEquals(401, challenge.status());
            String auth = ua.authorization("Authorization", challenge, "REGISTER", "sip:127.0.0.1:" + server.sipPort,
                    "MD5");
            assertEquals(200, ua.sendRegister(callId, tag, 2, ua.contact(), 300, auth).status());
            assertEquals(200, ua.sendRegister(callId, tag, 2, ua.contact(), 300, auth).status(),
                    "the same request again (a retransmission) is answered as before");
            SipMsg replay = ua.sendRegister(callId, tag, 3, ua.contact(), 300, auth);
            assertEquals(401, replay.status(), "the same nonce and nonce count in a new request: " + replay.text);
            assertTrue("true".equalsIgnoreCase(SipMsg.param(replay.header("WWW-Authenticate"), "stale")),
                    replay.text);
        } finally {
            server.unregister("carol");
        }
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() throws Exception {
        try (Ua wrong = new Ua(SipSocket.udp(server.sipPort), "carol", "not-the-password", ProxyTestServer.DOMAIN,
                server.sipPort);
                Ua unknown = new Ua(SipSocket.udp(server.sipPort), "nobody", "whatever", ProxyTestServer.DOMAIN,
                        server.sipPort)) {
            SipMsg a = registerWithOwnCallId(wrong, "fixed-call-id@test");
            SipMsg b = registerWithOwnCallId(unknown, "fixed-call-id@test");
            assertEquals(401, a.status());
            assertEquals(401, b.status());
            String normalA = a.withoutNoncesAndTags().replace(wrong.socket.sentBy(), "X").replace("carol", "U");
            String normalB = b.withoutNoncesAndTags().replace(unknown.socket.sentBy(), "X").replace("nobody", "U");
            assertEquals(normalA, normalB, "the answers tell nothing about which user names exist");
        }
    }

    private static SipMsg registerWithOwnCallId(Ua ua, String callId) throws Exception {
        String fromTag = "t";
        SipMsg challenge = ua.sendRegister(callId, fromTag, 1, "<sip:u@127.0.0.1:1>", 300, null);
        String auth = ua.authorization("Authorization", challenge, "REGISTER", "sip:127.0.0.1:" + server.sipPort,
                "MD5");
        // the same Via host:port text in both, so only names, tags and nonces can differ
        return ua.sendRegister(callId, fromTag, 2, "<sip:u@127.0.0.1:1>", 300, auth);
    }

    @Test
    void registeringAnotherUsersAddressIsForbidden() throws Exception {
        try (Ua ua = server.ua("carol", "udp")) {
            String callId = Ua.callId();
            ua.socket.send("REGISTER sip:127.0.0.1:" + server.sipPort + " SIP/2.0\r\n" + ua.via(Ua.branch())
                    + "From: <sip:bob@" + ProxyTestServer.DOMAIN + ">;tag=1\r\nTo: <sip:bob@" + ProxyTestServer.DOMAIN
                    + ">\r\nCall-ID: " + callId + "\r\nCSeq: 1 REGISTER\r\nContact: " + ua.contact()
                    + "\r\nContent-Length: 0\r\n\r\n");
            SipMsg first = ua.socket.awaitFinal("REGISTER");
            assertEquals(401, first.status());
            String auth = ua.authorization("Authorization", first, "REGISTER", "sip:127.0.0.1:" + server.sipPort,
                    "MD5");
            ua.socket.send("REGISTER sip:127.0.0.1:" + server.sipPort + " SIP/2.0\r\n" + ua.via(Ua.branch())
                    + "From: <sip:bob@" + ProxyTestServer.DOMAIN + ">;tag=1\r\nTo: <sip:bob@" + ProxyTestServer.DOMAIN
                    + ">\r\nCall-ID: " + callId + "\r\nCSeq: 2 REGISTER\r\nContact: " + ua.contact() + "\r\n" + auth
                    + "Content-Length: 0\r\n\r\n");
            assertEquals(403, ua.socket.awaitFinal("REGISTER").status(), "carol's credentials cannot register bob");
        }
    }

    @Test
    void tooBriefIntervalIsRefusedWithTheMinimum() throws Exception {
        try (Ua ua = server.ua("dave", "udp")) {
            SipMsg answer = ua.register(1, "MD5");
            assertEquals(423, answer.status(), answer.text);
            assertEquals("2", answer.header("Min-Expires"));
        }
    }

    @Test
    void bindingsExpireAndCanBeQueriedAddedAndRemoved() throws Exception {
        try (Ua ua = server.ua("dave", "udp")) {
            assertEquals(200, ua.register("<sip:dave@127.0.0.1:40001>;q=0.5", 300, "MD5").status());
            SipMsg two = ua.register("<sip:dave@127.0.0.1:40002>", 2, "MD5");
            assertEquals(200, two.status());
            assertEquals(2, two.headers("Contact").size(), two.text);
            assertTrue(two.headers("Contact").get(0).contains("40002"), "q=1 before q=0.5: " + two.text);

            ProxyTestServer.await("the short binding to expire", () -> {
                try {
                    List<String> now = ua.register((String) null, null, "MD5").headers("Contact");
                    return now.size() == 1 && now.get(0).contains("40001");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            assertEquals(200, ua.register("<sip:dave@127.0.0.1:40001>", 0, "MD5").status());
            assertTrue(ua.register((String) null, null, "MD5").headers("Contact").isEmpty(), "removed by expires=0");
        }
    }

    @Test
    void aRestartKeepsTheBindings() throws Exception {
        try (Ua ua = server.ua("alice", "udp")) {
            assertEquals(200, ua.register("<sip:alice@127.0.0.1:40077>", 600, "SHA-256").status());
            server.configureProxy(Map.of()); // stops and starts the proxy
            SipMsg after = ua.register((String) null, null, "SHA-256");
            assertEquals(200, after.status());
            String contact = after.header("Contact");
            assertNotNull(contact, "the registration survived the restart:\n" + after);
            assertTrue(contact.contains("127.0.0.1:40077"), contact);
            assertNotEquals("0", SipMsg.param(contact, "expires"));
        } finally {
            server.unregister("alice");
        }
    }
}
