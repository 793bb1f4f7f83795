// SPDX-License-Identifier: EPL-2.0
package org.sohosip.product.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
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
}
