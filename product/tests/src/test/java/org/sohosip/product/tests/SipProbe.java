// SPDX-License-Identifier: EPL-2.0
package org.sohosip.product.tests;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * Asks a SIP registrar whether it is there: a REGISTER without credentials over UDP answered by any SIP response
 * (a registrar that authenticates answers it with a challenge), and a TCP connection accepted on the same port.
 * REGISTER rather than OPTIONS because every registrar must answer it.
 */
final class SipProbe {

    private SipProbe() {
    }

    /** @return whether the server answered over UDP and accepts TCP connections within {@code timeout} */
    static boolean awaitAnswer(int port, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (answersRegister(port) && acceptsTcp(port)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static boolean answersRegister(int port) throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            socket.setSoTimeout(500);
            String callId = UUID.randomUUID().toString();
            String request = "REGISTER sip:127.0.0.1:" + port + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK" + callId + ";rport\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: <sip:probe@127.0.0.1>;tag=" + callId.substring(0, 8) + "\r\n"
                    + "To: <sip:probe@127.0.0.1>\r\n"
                    + "Call-ID: " + callId + "\r\n"
                    + "CSeq: 1 REGISTER\r\n"
                    + "Contact: <sip:probe@127.0.0.1:" + socket.getLocalPort() + ">\r\n"
                    + "User-Agent: SOHOSIP product test\r\n"
                    + "Content-Length: 0\r\n\r\n";
            byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(bytes, bytes.length, loopback, port));
            byte[] buffer = new byte[4096];
            DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
            socket.receive(answer);
            return new String(buffer, 0, answer.getLength(), StandardCharsets.US_ASCII).startsWith("SIP/2.0 ");
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private static boolean acceptsTcp(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
