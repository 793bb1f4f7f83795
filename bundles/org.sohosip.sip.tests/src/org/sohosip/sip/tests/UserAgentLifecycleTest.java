// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.sohosip.sip.SipException;
import org.sohosip.sip.SipIdentity;
import org.sohosip.sip.SipUserAgent;
import org.sohosip.sip.SipUserAgents;
import org.sohosip.sip.UserAgentConfig;

/** Start, listening ports, close, and robustness against rubbish. */
class UserAgentLifecycleTest {

    private static final SipIdentity ALICE = new SipIdentity("sip:alice@sohosip.local", null, null, null);

    @Test
    void listensOnAFreePortForUdpAndTcpAndFreesItOnClose() throws Exception {
        SipUserAgent ua = SipUserAgents.create(UserAgentConfig.of("127.0.0.1"), ALICE);
        int port = ua.localPort();
        assertTrue(port > 0);
        assertEquals("sip:alice@127.0.0.1:" + port, ua.contactUri());
        SipUserAgent other = SipUserAgents.create(UserAgentConfig.of("127.0.0.1"), ALICE);
        assertNotEquals(port, other.localPort());
        other.close();
        // the port is taken while it runs
        assertThrows(SipException.class,
                () -> SipUserAgents.create(UserAgentConfig.of("127.0.0.1").withPort(port), ALICE));
        ua.close();
        ua.close(); // a second close does nothing
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(lo, port));
                ServerSocket tcp = new ServerSocket()) {
            tcp.setReuseAddress(true); // as servers do
            tcp.bind(new InetSocketAddress(lo, port));
        }
        // and a new agent can take the given port
        SipUserAgents.create(UserAgentConfig.of("127.0.0.1").withPort(port), ALICE).close();
    }

    @Test
    void wildcardAddressesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> UserAgentConfig.of("0.0.0.0"));
    }

    @Test
    void malformedDatagramsDoNotStopTheAgent() throws Exception {
        try (SipUserAgent ua = SipUserAgents.create(UserAgentConfig.of("127.0.0.1"), ALICE);
                DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            s.setSoTimeout(1000);
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", ua.localPort());
            String[] rubbish = { "\u0000\u0001garbage", "INVITE sip:x SIP/2.0\r\n\r\n",
                    "INVITE sip:alice@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + s.getLocalPort()
                            + ";branch=z9hG4bKbad1\r\nFrom: <sip:x@y>;tag=1\r\nTo: <sip:alice@127.0.0.1>\r\n"
                            + "Call-ID: bad-sdp\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\nContact: <sip:x@127.0.0.1:9>\r\n"
                            + "Content-Type: application/sdp\r\n"
                            + "Content-Length: 9\r\n\r\nnot sdp\r\n",
                    "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKnone\r\n\r\n" };
            for (String r : rubbish) {
                byte[] b = r.getBytes(StandardCharsets.ISO_8859_1);
                s.send(new DatagramPacket(b, b.length, to));
            }
            // the INVITE with a broken SDP body gets 400, not silence or a crash
            assertTrue(receiveUntil(s, "SIP/2.0 400").contains("Call-ID: bad-sdp"));
            // an offer without any codec of ours gets 488
            String g729 = "v=0\r\no=x 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio 5004 RTP/AVP 18\r\n";
            String invite = "INVITE sip:alice@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + s.getLocalPort()
                    + ";branch=z9hG4bKg729\r\nFrom: <sip:x@y>;tag=3\r\nTo: <sip:alice@127.0.0.1>\r\n"
                    + "Call-ID: g729-only\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\nContact: <sip:x@127.0.0.1:9>\r\n"
                    + "Content-Type: application/sdp\r\nContent-Length: " + g729.length() + "\r\n\r\n" + g729;
            byte[] ib = invite.getBytes(StandardCharsets.ISO_8859_1);
            s.send(new DatagramPacket(ib, ib.length, to));
            assertTrue(receiveUntil(s, "SIP/2.0 488").contains("Call-ID: g729-only"));
            assertTrue(ua.telephony().calls().isEmpty(), "a refused offer leaves no call behind");
            String options = "OPTIONS sip:alice@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + s.getLocalPort()
                    + ";branch=z9hG4bKopt1;rport\r\nFrom: <sip:x@y>;tag=2\r\nTo: <sip:alice@127.0.0.1>\r\n"
                    + "Call-ID: still-alive\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
            byte[] b = options.getBytes(StandardCharsets.ISO_8859_1);
            s.send(new DatagramPacket(b, b.length, to));
            String answer = receiveUntil(s, "SIP/2.0 200");
            assertTrue(answer.contains("Call-ID: still-alive"), answer);
            assertTrue(answer.contains("rport=" + s.getLocalPort()), "rport is filled in: " + answer);
        }
    }

    private static String receiveUntil(DatagramSocket s, String start) throws Exception {
        byte[] buf = new byte[8192];
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                s.receive(p);
            } catch (java.net.SocketTimeoutException e) {
                break;
            }
            String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1);
            if (text.startsWith(start)) {
                return text;
            }
            seen.append(text.lines().findFirst().orElse("")).append(" | ");
        }
        return org.junit.jupiter.api.Assertions.fail("no " + start + " within 5 s; got: " + seen);
    }
}
