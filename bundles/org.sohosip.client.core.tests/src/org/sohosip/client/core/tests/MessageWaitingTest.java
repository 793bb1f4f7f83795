// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sohosip.client.core.tests.PhoneFixture.await;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sohosip.client.core.KnownServersFile;
import org.sohosip.client.core.MessageWaitingState;
import org.sohosip.client.core.internal.MessageWaitingComponent;
import org.sohosip.client.core.internal.SessionServiceImpl;
import org.sohosip.core.api.VoicemailFolder;
import org.sohosip.sip.SipEndpoint;
import org.sohosip.sip.SipIdentity;
import org.sohosip.sip.SipUserAgent;
import org.sohosip.sip.SipUserAgents;
import org.sohosip.sip.SubscriptionOptions;
import org.sohosip.sip.Transport;
import org.sohosip.sip.UserAgentConfig;

/**
 * Message waiting as the softphone wires it: a real SIP user agent whose outbound proxy is a UDP socket of the test
 * (standing in for the server's proxy), and a real HTTPS server that has voicemail ({@link VoicemailServer}) or
 * not ({@link CannedServer}).
 */
class MessageWaitingTest {

    private static TestCertificates cert;

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();
    private SessionServiceImpl session;

    @BeforeAll
    static void certificate(@TempDir Path certs) throws Exception {
        cert = TestCertificates.generate(certs, "pbx");
    }

    @AfterEach
    void stop() throws Exception {
        if (session != null) {
            session.logout();
        }
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private DatagramSocket proxy() throws Exception {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        s.setSoTimeout(10_000);
        open.add(s);
        return s;
    }

    private SipUserAgent agent(DatagramSocket proxy) {
        SipUserAgent ua = SipUserAgents.create(UserAgentConfig.of("127.0.0.1"), new SipIdentity(
                "sip:alice@sohosip.local", "Alice", null, new SipEndpoint("127.0.0.1", proxy.getLocalPort(),
                        Transport.UDP)));
        open.add(ua);
        return ua;
    }

    private MessageWaitingComponent component() {
        MessageWaitingComponent c = new MessageWaitingComponent(session, new SubscriptionOptions(
                Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(2)));
        open.add(c::detach);
        return c;
    }

    @Test
    void subscribesWhenTheServerHasVoicemailAndFollowsNotifies() throws Exception {
        VoicemailServer server = new VoicemailServer(cert);
        open.add(server);
        server.deposit(1, 1, "3302", "2026-11-25T09:00:00Z", VoicemailFolder.NEW, true, VoicemailServer.tone(400, 1));
        session = new SessionServiceImpl(new KnownServersFile(dir.resolve("known")), Duration.ofSeconds(1));
        session.login(server.uri(), "alice", "secret-1234".toCharArray(), c -> true);
        DatagramSocket proxy = proxy();
        SipUserAgent ua = agent(proxy);
        MessageWaitingComponent waiting = component();
        List<MessageWaitingState> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        waiting.addListener(told::add);

        waiting.attach(ua.messageWaiting());
        String subscribe = receive(proxy);
        assertTrue(subscribe.startsWith("SUBSCRIBE sip:alice@sohosip.local SIP/2.0"), subscribe);
        assertTrue(subscribe.contains("Event: message-summary"), subscribe);
        await("the counts from the server", () -> waiting.state().equals(new MessageWaitingState(true, true, 1, 0,
                1)));

        send(proxy, ua, "Messages-Waiting: yes\r\nVoice-Message: 3/4 (0/1)\r\n");
        await("the count from the NOTIFY", () -> waiting.state().equals(new MessageWaitingState(true, true, 3, 4,
                0)));
        assertEquals(waiting.state(), told.get(told.size() - 1));

        waiting.detach();
        assertEquals(MessageWaitingState.UNKNOWN, waiting.state(), "the phone stopped: nothing is known");
    }

    @Test
    void aServerWithoutVoicemailGetsNoSubscribeButUnsolicitedNotifiesStillCount() throws Exception {
        CannedServer server = new CannedServer(cert);
        open.add(server);
        session = new SessionServiceImpl(new KnownServersFile(dir.resolve("known")), Duration.ofSeconds(1));
        session.login(server.uri(), "bob", CannedServer.PASSWORD.toCharArray(), c -> true);
        DatagramSocket proxy = proxy();
        SipUserAgent ua = agent(proxy);
        MessageWaitingComponent waiting = component();

        waiting.attach(ua.messageWaiting());
        await("the question to the server", () -> server.requests.contains("GET /api/v1/me/voicemail/counts"));
        // the answer was 404: within the next second (twice the retry pause) no SUBSCRIBE may come
        proxy.setSoTimeout(1000);
        assertThrows(SocketTimeoutException.class, () -> receive(proxy), "no SUBSCRIBE to a server without voicemail");
        assertEquals(MessageWaitingState.UNKNOWN, waiting.state());

        proxy.setSoTimeout(10_000);
        send(proxy, ua, "Messages-Waiting: no\r\nVoice-Message: 0/2\r\n");
        await("the count from an unsolicited NOTIFY", () -> waiting.state().equals(new MessageWaitingState(true,
                false, 0, 2, 0)));
    }

    private static String receive(DatagramSocket s) throws Exception {
        byte[] in = new byte[8192];
        DatagramPacket p = new DatagramPacket(in, in.length);
        s.receive(p);
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }

    /** Sends an out-of-dialog NOTIFY as the server would, and reads until its final answer. */
    private static void send(DatagramSocket peer, SipUserAgent ua, String body) throws Exception {
        String msg = "NOTIFY " + ua.contactUri() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.getLocalPort() + ";branch=z9hG4bK" + System.nanoTime() + "\r\n"
                + "From: <sip:alice@sohosip.local>;tag=vm" + System.nanoTime() + "\r\n"
                + "To: <sip:alice@sohosip.local>\r\n"
                + "Call-ID: mwi-" + System.nanoTime() + "@127.0.0.1\r\n"
                + "CSeq: 1 NOTIFY\r\nMax-Forwards: 70\r\n"
                + "Event: message-summary\r\nSubscription-State: active\r\n"
                + "Content-Type: application/simple-message-summary\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
        byte[] out = msg.getBytes(StandardCharsets.UTF_8);
        peer.send(new DatagramPacket(out, out.length, InetAddress.getByName("127.0.0.1"), ua.localPort()));
        while (true) {
            String answer = receive(peer);
            if (answer.startsWith("SIP/2.0 ") && !answer.startsWith("SIP/2.0 1")) {
                assertTrue(answer.startsWith("SIP/2.0 200"), answer);
                return;
            }
        }
    }
}
