// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sohosip.sip.DigestCredentials;
import org.sohosip.sip.MessageSummary;
import org.sohosip.sip.SipEndpoint;
import org.sohosip.sip.SipIdentity;
import org.sohosip.sip.SipSubscription;
import org.sohosip.sip.SipUserAgent;
import org.sohosip.sip.SipUserAgents;
import org.sohosip.sip.SubscriptionOptions;
import org.sohosip.sip.SubscriptionState;
import org.sohosip.sip.Transport;
import org.sohosip.sip.UserAgentConfig;

/** Message waiting against a sipp notifier, and an unsolicited NOTIFY sent over plain UDP. */
class SippMessageWaitingTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private SipUserAgent agent(int proxyPort) {
        DigestCredentials creds = DigestCredentials.fromPassword("alice", "sohosip.local", "secret".toCharArray());
        SipUserAgent ua = SipUserAgents.create(
                UserAgentConfig.of("127.0.0.1").withTimers(Duration.ofMillis(100), Duration.ofSeconds(20),
                        Duration.ofSeconds(20)),
                new SipIdentity("sip:alice@sohosip.local", "Alice", creds,
                        new SipEndpoint("127.0.0.1", proxyPort, Transport.UDP)));
        open.add(ua);
        return ua;
    }

    @Test
    void subscribesWithDigestReadsNotifiesRefreshesInTheDialogAndUnsubscribesOnClose() throws Exception {
        Sipp notifier = Sipp.start("mwi-notifier.xml", 0, null);
        open.add(notifier);
        SipUserAgent ua = agent(notifier.port);
        Events<MessageSummary> ev = new Events<>();
        ua.messageWaiting().addListener(ev::add);
        SipSubscription sub = ua.messageWaiting().subscribe(SubscriptionOptions.defaults());

        MessageSummary first = ev.await(s -> s.newMessages() == 2, Duration.ofSeconds(10), "the first NOTIFY");
        long firstAt = System.nanoTime();
        assertEquals(new MessageSummary(true, 2, 1, 1, 0, "sip:alice@sohosip.local"), first);
        assertEquals(SubscriptionState.ACTIVE, sub.state());
        assertEquals(200, sub.statusCode());

        // the second NOTIFY follows the refresh, which must come before the 2 granted seconds run out
        MessageSummary second = ev.await(s -> s.newMessages() == 3, Duration.ofSeconds(4), "the NOTIFY after the refresh");
        long millis = (System.nanoTime() - firstAt) / 1_000_000;
        assertTrue(millis < 2000, "refreshed after " + millis + " ms");
        assertEquals(new MessageSummary(true, 3, 1, 0, 0, null), second);
        assertEquals(second, ua.messageWaiting().current());

        ua.close();
        notifier.assertSucceeded(); // sipp checked digest, the in-dialog refresh and the Expires: 0
    }

    @Test
    void acceptsAnUnsolicitedNotifyAndRefusesOtherEvents() throws Exception {
        SipUserAgent ua = agent(Sipp.freeUdpPort());
        Events<MessageSummary> ev = new Events<>();
        ua.messageWaiting().addListener(ev::add);
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            peer.setSoTimeout(5000);
            String answer = notify(peer, ua, "message-summary", "Messages-Waiting: yes\r\nVoice-Message: 7/0 (2/0)\r\n");
            assertTrue(answer.startsWith("SIP/2.0 200"), answer);
            MessageSummary s = ev.await(x -> true, Duration.ofSeconds(5), "the unsolicited summary");
            assertEquals(new MessageSummary(true, 7, 0, 2, 0, null), s);

            String refused = notify(peer, ua, "presence", "Messages-Waiting: yes\r\n");
            assertTrue(refused.startsWith("SIP/2.0 489"), refused);
            String broken = notify(peer, ua, "message-summary", "hello\r\n");
            assertTrue(broken.startsWith("SIP/2.0 400"), broken);
            assertEquals(s, ua.messageWaiting().current(), "a refused NOTIFY changes nothing");
        }
    }

    /** Sends one out-of-dialog NOTIFY and returns the status line of the final answer. */
    private static String notify(DatagramSocket peer, SipUserAgent ua, String event, String body) throws Exception {
        String branch = "z9hG4bK" + System.nanoTime();
        String msg = "NOTIFY " + ua.contactUri() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.getLocalPort() + ";branch=" + branch + "\r\n"
                + "From: <sip:voicemail@sohosip.local>;tag=vm" + System.nanoTime() + "\r\n"
                + "To: <sip:alice@sohosip.local>\r\n"
                + "Call-ID: unsolicited-" + System.nanoTime() + "@127.0.0.1\r\n"
                + "CSeq: 1 NOTIFY\r\n"
                + "Max-Forwards: 70\r\n"
                + "Contact: <sip:voicemail@127.0.0.1:" + peer.getLocalPort() + ">\r\n"
                + "Event: " + event + "\r\n"
                + "Subscription-State: active\r\n"
                + "Content-Type: application/simple-message-summary\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
        byte[] out = msg.getBytes(StandardCharsets.UTF_8);
        peer.send(new DatagramPacket(out, out.length, InetAddress.getByName("127.0.0.1"), ua.localPort()));
        byte[] in = new byte[4096];
        while (true) {
            DatagramPacket p = new DatagramPacket(in, in.length);
            peer.receive(p);
            String answer = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
            if (!answer.startsWith("SIP/2.0 1")) {
                return answer;
            }
        }
    }
}
