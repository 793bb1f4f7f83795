// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.gateway.tests;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phone on a UDP socket on 127.0.0.1 that registers with the SIP proxy (MD5 digest) and then waits for an INVITE,
 * which it declines: enough SIP to see whom the proxy rings, and with what caller, for a click-to-call.
 */
final class RegisteredPhone implements AutoCloseable {

    private final DatagramSocket socket;
    private final InetSocketAddress proxy;

    RegisteredPhone(int proxyPort) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        proxy = new InetSocketAddress(InetAddress.getLoopbackAddress(), proxyPort);
    }

    /** Registers {@code user} for five minutes, answering the proxy's challenge; fails unless it gets 200. */
    void register(String user, String password, String domain) throws IOException {
        String callId = tag() + "@test";
        String first = exchange(register(user, domain, callId, 1, ""));
        if (status(first) == 401) {
            Matcher nonce = Pattern.compile("nonce=\"([^\"]+)\"").matcher(first);
            if (!nonce.find()) {
                throw new AssertionError("no nonce in\n" + first);
            }
            String uri = "sip:" + domain;
            String ha1 = md5(user + ":" + domain + ":" + password);
            String response = md5(ha1 + ":" + nonce.group(1) + ":" + md5("REGISTER:" + uri));
            first = exchange(register(user, domain, callId, 2, "Authorization: Digest username=\"" + user
                    + "\",realm=\"" + domain + "\",nonce=\"" + nonce.group(1) + "\",uri=\"" + uri + "\",response=\""
                    + response + "\",algorithm=MD5\r\n"));
        }
        if (status(first) != 200) {
            throw new AssertionError("registration of " + user + " failed:\n" + first);
        }
    }

    private String register(String user, String domain, String callId, int cseq, String auth) {
        String here = "127.0.0.1:" + socket.getLocalPort();
        return "REGISTER sip:" + domain + " SIP/2.0\r\nVia: SIP/2.0/UDP " + here + ";branch=z9hG4bK" + tag()
                + ";rport\r\nMax-Forwards: 70\r\nFrom: <sip:" + user + "@" + domain + ">;tag=" + tag() + "\r\nTo: <sip:"
                + user + "@" + domain + ">\r\nCall-ID: " + callId + "\r\nCSeq: " + cseq + " REGISTER\r\nContact: <sip:"
                + user + "@" + here + ">\r\nExpires: 300\r\n" + auth + "Content-Length: 0\r\n\r\n";
    }

    /** Waits for an INVITE, declines it (603) and returns it. */
    String awaitInviteAndDecline(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String m = receive(Duration.ofMillis(Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            if (m != null && m.startsWith("INVITE ")) {
                StringBuilder b = new StringBuilder("SIP/2.0 603 Decline\r\n");
                for (String line : m.split("\r\n")) {
                    String name = line.contains(":") ? line.substring(0, line.indexOf(':')) : "";
                    if (name.equals("Via") || name.equals("From") || name.equals("Call-ID") || name.equals("CSeq")) {
                        b.append(line).append("\r\n");
                    } else if (name.equals("To")) {
                        b.append(line).append(";tag=").append(tag()).append("\r\n");
                    }
                }
                send(b.append("Content-Length: 0\r\n\r\n").toString());
                return m;
            }
        }
        throw new AssertionError("no INVITE within " + timeout);
    }

    private String exchange(String request) throws IOException {
        send(request);
        String answer = receive(Duration.ofSeconds(10));
        if (answer == null) {
            throw new AssertionError("no answer from the proxy to\n" + request);
        }
        return answer;
    }

    private void send(String message) throws IOException {
        byte[] data = message.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(data, data.length, proxy));
    }

    private String receive(Duration timeout) throws IOException {
        byte[] buffer = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        try {
            socket.receive(packet);
            return new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    static int status(String response) {
        return response.startsWith("SIP/2.0 ") ? Integer.parseInt(response.substring(8, 11)) : -1;
    }

    private static String tag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
