// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A real HTTPS server on loopback for UI tests that need the API to answer in a chosen way, with a self-signed
 * certificate made by the JDK's keytool as an administrator would make one.
 *
 * @since 0.1
 */
public final class LoopbackHttps {

    private static final char[] PASS = "test-store".toCharArray();

    private LoopbackHttps() {
    }

    /**
     * Starts a server on a free loopback port that hands every request under {@code /api/v1/} to {@code api}.
     *
     * @param dir folder for the key store
     * @param api the handler of the API paths
     * @return the running server; stop it when the test ends
     * @throws Exception when the certificate cannot be made or the port not opened
     */
    public static HttpsServer start(Path dir, HttpHandler api) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys(dir), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/api/v1/", api);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return server;
    }

    /** @return the server's base address, as a user would type it into the login dialog */
    public static URI uri(HttpsServer server) {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    private static KeyManager[] keys(Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=pbx, O=SOHOSIP test", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass",
                new String(PASS), "-keypass", new String(PASS))).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("keytool failed: " + new String(p.getInputStream().readAllBytes()));
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASS);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASS);
        return kmf.getKeyManagers();
    }
}
