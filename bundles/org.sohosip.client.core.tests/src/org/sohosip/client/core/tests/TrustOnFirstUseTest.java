// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sohosip.client.core.ApiClient;
import org.sohosip.client.core.CertificateRefusedException;
import org.sohosip.client.core.CertificateTrustPrompt;
import org.sohosip.client.core.KnownServersFile;
import org.sohosip.client.core.ServerCertificate;

/** Trust on first use against a real HTTPS server with self-signed certificates. */
class TrustOnFirstUseTest {

    private static TestCertificates first;
    private static TestCertificates second;

    @TempDir
    Path dir;
    private CannedServer server;
    private KnownServersFile known;
    private final List<ServerCertificate> asked = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void certificates(@TempDir Path certs) throws Exception {
        first = TestCertificates.generate(certs, "pbx-one");
        second = TestCertificates.generate(certs, "pbx-two");
    }

    @BeforeEach
    void start() throws Exception {
        server = new CannedServer(first);
        known = new KnownServersFile(dir.resolve("known-servers"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CertificateTrustPrompt answering(boolean trust) {
        return cert -> {
            asked.add(cert);
            return trust;
        };
    }

    private String hostPort() {
        return "127.0.0.1:" + server.uri().getPort();
    }

    @Test
    void firstConnectAsksWithFingerprintAndPins() {
        new ApiClient(server.uri(), known, answering(true)).login("alice", CannedServer.PASSWORD.toCharArray());
        assertEquals(1, asked.size());
        ServerCertificate c = asked.get(0);
        assertEquals("127.0.0.1", c.host());
        assertEquals(server.uri().getPort(), c.port());
        assertEquals(first.fingerprint, c.fingerprint());
        assertTrue(c.fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), c.fingerprint());
        assertTrue(c.subject().contains("CN=pbx-one"), c.subject());
        assertTrue(c.notAfter().isAfter(c.notBefore()));
        assertEquals(first.fingerprint, known.fingerprint(hostPort()).orElseThrow());
    }

    @Test
    void secondConnectDoesNotAsk() {
        new ApiClient(server.uri(), known, answering(true)).login("alice", CannedServer.PASSWORD.toCharArray());
        asked.clear();
        // a new client means a new TLS connection and handshake: the pin is what lets it through
        new ApiClient(server.uri(), new KnownServersFile(dir.resolve("known-servers")), answering(false))
                .login("alice", CannedServer.PASSWORD.toCharArray());
        assertTrue(asked.isEmpty());
    }

    @Test
    void changedCertificateIsRefusedWithBothFingerprints() {
        new ApiClient(server.uri(), known, answering(true)).login("alice", CannedServer.PASSWORD.toCharArray());
        server.useCertificate(second);
        asked.clear();
        int before = server.requests.size();
        CertificateRefusedException e = assertThrows(CertificateRefusedException.class,
                () -> new ApiClient(server.uri(), known, answering(true)).login("alice",
                        CannedServer.PASSWORD.toCharArray()));
        assertEquals(CertificateRefusedException.Reason.CHANGED, e.reason());
        assertTrue(asked.isEmpty(), "a changed certificate must never be offered for trust");
        assertEquals(first.fingerprint, e.pinnedFingerprint());
        assertEquals(second.fingerprint, e.presentedFingerprint());
        String m = e.getMessage();
        assertTrue(m.contains(first.fingerprint) && m.contains(second.fingerprint), m);
        assertTrue(m.contains("administrator") && m.contains(known.location()) && m.contains(hostPort()), m);
        assertEquals(before, server.requests.size(), "no request may reach the impostor");
        assertEquals(first.fingerprint, known.fingerprint(hostPort()).orElseThrow());
    }

    @Test
    void cancelAtPromptPinsNothingAndSaysSo() {
        CertificateRefusedException e = assertThrows(CertificateRefusedException.class,
                () -> new ApiClient(server.uri(), known, answering(false)).login("alice",
                        CannedServer.PASSWORD.toCharArray()));
        assertEquals(CertificateRefusedException.Reason.NOT_TRUSTED, e.reason());
        assertTrue(e.getMessage().contains("did not trust"), e.getMessage());
        assertFalse(known.fingerprint(hostPort()).isPresent());
        assertTrue(server.requests.isEmpty());
    }

    @Test
    void forgettingTheServerLetsTheNewCertificateBeTrusted() {
        new ApiClient(server.uri(), known, answering(true)).login("alice", CannedServer.PASSWORD.toCharArray());
        server.useCertificate(second);
        known.forget(hostPort());
        new ApiClient(server.uri(), known, answering(true)).login("alice", CannedServer.PASSWORD.toCharArray());
        assertEquals(second.fingerprint, known.fingerprint(hostPort()).orElseThrow());
        assertNotEquals(first.fingerprint, second.fingerprint);
    }
}
