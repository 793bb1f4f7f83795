// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A raw SIP endpoint on loopback over UDP or TCP, for tests that must control every byte: a reader thread puts
 * every message it receives into a queue.
 */
final class SipSocket implements AutoCloseable {

    final String transport;
    private final DatagramSocket udp;
    private final Socket tcp;
    private final InetSocketAddress proxy;
    /** Datagrams that came from another address or port than the proxy's listening one. */
    final java.util.concurrent.atomic.AtomicInteger fromElsewhere = new java.util.concurrent.atomic.AtomicInteger();
    private final BlockingQueue<SipMsg> received = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile boolean closed;

    private final String host;

    private SipSocket(String transport, InetSocketAddress proxy, String host) throws IOException {
        this.transport = transport;
        this.proxy = proxy;
        this.host = host;
        if (transport.equals("udp")) {
            udp = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), 0));
            tcp = null;
        } else {
            udp = null;
            tcp = new Socket();
            tcp.connect(proxy, 5000);
        }
        reader = new Thread(this::read, "test-sip-" + transport + "-" + port());
        reader.setDaemon(true);
        reader.start();
    }

    static SipSocket udp(int proxyPort) throws IOException {
        return udpFrom("127.0.0.1", proxyPort);
    }

    /** A UDP socket on another loopback address (Linux routes all of 127.0.0.0/8 to loopback). */
    static SipSocket udpFrom(String host, int proxyPort) throws IOException {
        return new SipSocket("udp", new InetSocketAddress(InetAddress.getLoopbackAddress(), proxyPort), host);
    }

    static SipSocket tcp(int proxyPort) throws IOException {
        return new SipSocket("tcp", new InetSocketAddress(InetAddress.getLoopbackAddress(), proxyPort), "127.0.0.1");
    }

    static SipSocket open(String transport, int proxyPort) throws IOException {
        return transport.equals("udp") ? udp(proxyPort) : tcp(proxyPort);
    }

    int port() {
        return udp != null ? udp.getLocalPort() : tcp.getLocalPort();
    }

    /** The Via sent-by of this socket. */
    String sentBy() {
        return host + ":" + port();
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] data) throws IOException {
        if (udp != null) {
            udp.send(new DatagramPacket(data, data.length, proxy));
        } else {
            OutputStream out = tcp.getOutputStream();
            out.write(data);
            out.flush();
        }
    }

    /** @return the next message that matches, skipping others; fails after the timeout */
    SipMsg await(Predicate<SipMsg> wanted, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            SipMsg m = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new AssertionError("No " + what + " within " + timeout.toMillis() + " ms on " + transport);
            }
            if (wanted.test(m)) {
                return m;
            }
        }
    }

    /** @return the next final response (status 200 or more) of the CSeq method */
    SipMsg awaitFinal(String method) throws InterruptedException {
        return await(m -> m.isResponse() && m.status() >= 200 && m.cseqMethod().equals(method),
                Duration.ofSeconds(10), "final response to " + method);
    }

    SipMsg awaitStatus(int status, String method) throws InterruptedException {
        return await(m -> m.isResponse() && m.status() == status && m.cseqMethod().equals(method),
                Duration.ofSeconds(10), status + " response to " + method);
    }

    SipMsg awaitRequest(String method) throws InterruptedException {
        return await(m -> !m.isResponse() && m.method().equals(method), Duration.ofSeconds(10), method + " request");
    }

    /** @return the next message, or {@code null} when none arrives in time */
    SipMsg poll(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void clear() {
        received.clear();
    }

    private void read() {
        try {
            if (udp != null) {
                byte[] buffer = new byte[65536];
                while (!closed) {
                    DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                    udp.receive(p);
                    if (!proxy.equals(p.getSocketAddress())) {
                        fromElsewhere.incrementAndGet();
                    }
                    received.add(SipMsg.parse(p.getData(), p.getLength()));
                }
            } else {
                readStream(tcp.getInputStream());
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** Frames a SIP stream by the empty line and Content-Length. */
    private void readStream(InputStream in) throws IOException {
        StringBuilder pending = new StringBuilder();
        byte[] buffer = new byte[65536];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            pending.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            while (true) {
                String s = pending.toString();
                while (s.startsWith("\r\n")) {
                    s = s.substring(2);
                }
                int end = s.indexOf("\r\n\r\n");
                if (end < 0) {
                    pending.setLength(0);
                    pending.append(s);
                    break;
                }
                SipMsg head = SipMsg.parse(s.substring(0, end + 4));
                String cl = head.header("Content-Length");
                int length = cl == null ? 0 : Integer.parseInt(cl.trim());
                if (s.length() < end + 4 + length) {
                    pending.setLength(0);
                    pending.append(s);
                    break;
                }
                String message = s.substring(0, end + 4 + length);
                received.add(SipMsg.parse(new String(message.getBytes(StandardCharsets.ISO_8859_1),
                        StandardCharsets.UTF_8)));
                pending.setLength(0);
                pending.append(s.substring(end + 4 + length));
            }
        }
    }

    boolean tcpClosedByPeer(Duration timeout) throws InterruptedException {
        reader.join(timeout.toMillis());
        return !reader.isAlive();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        if (udp != null) {
            udp.close();
        } else {
            tcp.close();
        }
    }
}
