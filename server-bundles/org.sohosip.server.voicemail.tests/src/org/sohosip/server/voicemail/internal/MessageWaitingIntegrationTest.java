// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sohosip.server.proxy.CallApplication;
import org.sohosip.server.store.VoicemailRecording;

/**
 * Message waiting (RFC 3842) from voicemail's own SIP stack: a phone (a raw UDP socket) subscribes to its mailbox's
 * message-summary, gets the counts at once, and again in the subscription's dialog when a message is left.
 */
class MessageWaitingIntegrationTest {

    private static VoicemailTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = VoicemailTestServer.get();
    }

    @Test
    void aSubscriberIsToldTheCountsAtOnceAndWhenAMessageArrives() throws Exception {
        InetSocketAddress voicemail = server.service(CallApplication.class).address();
        long alice = server.account("alice").id();
        try (DatagramSocket phone = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            phone.setSoTimeout(200);
            String me = "127.0.0.1:" + phone.getLocalPort();
            String subscribe = "SUBSCRIBE sip:alice@" + voicemail.getHostString() + ":" + voicemail.getPort()
                    + " SIP/2.0\r\nVia: SIP/2.0/UDP " + me + ";branch=z9hG4bKmwi1;rport\r\nMax-Forwards: 70\r\n"
                    + "From: <sip:alice@vm.sohosip>;tag=mwi1\r\nTo: <sip:alice@vm.sohosip>\r\n"
                    + "Call-ID: mwi-test-1\r\nCSeq: 1 SUBSCRIBE\r\nContact: <sip:alice@" + me + ">\r\n"
                    + "Event: message-summary\r\nExpires: 600\r\nAccept: application/simple-message-summary\r\n"
                    + "Content-Length: 0\r\n\r\n";
            byte[] out = subscribe.getBytes(StandardCharsets.US_ASCII);
            phone.send(new DatagramPacket(out, out.length, voicemail));
            String first = awaitNotify(phone, "Messages-Waiting: ");
            assertTrue(first.contains("Subscription-State: active"), first);
            assertTrue(first.contains("Message-Account: sip:alice@vm.sohosip"), first);

            int before = server.voicemail.counts(alice).newMessages();
            try (VoicemailRecording r = server.voicemail.startRecording(alice, "3302", null, false, Instant.now())) {
                r.append(new byte[32_000], 0, 32_000);
            }
            String told = awaitNotify(phone, "Voice-Message: " + (before + 1) + "/");
            assertTrue(told.contains("Messages-Waiting: yes"), told);
        }
    }

    /** Answers every NOTIFY with 200 and returns the first whose text contains {@code wanted}. */
    private static String awaitNotify(DatagramSocket phone, String wanted) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        byte[] buffer = new byte[8192];
        while (System.nanoTime() < deadline) {
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                phone.receive(p);
            } catch (SocketTimeoutException e) {
                continue;
            }
            String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
            if (text.startsWith("NOTIFY ")) {
                StringBuilder ok = new StringBuilder("SIP/2.0 200 OK\r\n");
                for (String line : text.split("\r\n")) {
                    String lower = line.toLowerCase();
                    if (lower.startsWith("via:") || lower.startsWith("from:") || lower.startsWith("to:")
                            || lower.startsWith("call-id:") || lower.startsWith("cseq:")) {
                        ok.append(line).append("\r\n");
                    }
                }
                byte[] answer = ok.append("Content-Length: 0\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8);
                phone.send(new DatagramPacket(answer, answer.length, p.getSocketAddress()));
                if (text.contains(wanted)) {
                    return text;
                }
            }
        }
        throw new AssertionError("No NOTIFY with " + wanted);
    }
}
