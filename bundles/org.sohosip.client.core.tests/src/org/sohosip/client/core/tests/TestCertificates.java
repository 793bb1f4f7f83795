// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

import org.sohosip.client.core.ServerCertificate;

/** A self-signed server certificate made with the JDK's keytool, as an administrator would make one. */
final class TestCertificates {

    private static final char[] PASS = "test-store".toCharArray();

    final X509ExtendedKeyManager keys;
    final String fingerprint;
    final String subject;

    private TestCertificates(X509ExtendedKeyManager keys, String fingerprint, String subject) {
        this.keys = keys;
        this.fingerprint = fingerprint;
        this.subject = subject;
    }

    static TestCertificates generate(Path dir, String commonName) throws Exception {
        Path store = dir.resolve(commonName + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=" + commonName + ", O=SOHOSIP test", "-ext",
                "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                store.toString(), "-storepass", new String(PASS), "-keypass", new String(PASS)))
                .redirectErrorStream(true).start();
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
        X509Certificate cert = (X509Certificate) ks.getCertificate("server");
        String fp = ServerCertificate.formatFingerprint(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        return new TestCertificates((X509ExtendedKeyManager) kmf.getKeyManagers()[0], fp, cert.getSubjectX500Principal().getName());
    }
}
