// SPDX-License-Identifier: EPL-2.0
package org.sohosip.product.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the materialized products are, and free loopback ports for them. */
final class Products {

    private Products() {
    }

    static Path serverScript() {
        return script("sohosip-server");
    }

    static Path clientScript() {
        return script("sohosip-client");
    }

    private static Path script(String product) {
        Path p = Path.of(System.getProperty("sohosip.products", "../target/products"), product, "linux", "gtk",
                "x86_64", product, product);
        assertTrue(Files.isExecutable(p), "the product is not built: " + p);
        return p;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** @return a loopback port free for both UDP and TCP, as SIP listens on both */
    static int freeSipPort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                    ServerSocket tcp = new ServerSocket()) {
                tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), udp.getLocalPort()), 1);
                return udp.getLocalPort();
            } catch (IOException taken) {
                // the TCP side of this UDP port is in use: try another
            }
        }
        throw new IOException("no loopback port free for both UDP and TCP");
    }

    /** @return a loopback port P where P and P + 1 are free (baresip listens for SIP on P and for SIP/TLS on P + 1) */
    static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freeSipPort();
            try (ServerSocket tls = new ServerSocket()) {
                tls.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port + 1), 1);
                return port;
            } catch (IOException taken) {
                // P + 1 is in use: try another
            }
        }
        throw new IOException("no two neighbouring loopback ports are free");
    }
}
