// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsMaterialTest {

    @TempDir
    Path dataDir;

    private TlsMaterial create() throws Exception {
        return TlsMaterial.loadOrCreate(dataDir.resolve("tls"), SelfSignedCertificate.defaultNames("0.0.0.0"));
    }

    @Test
    void firstStartCreatesOwnerOnlyKeystoreAndPassword() throws Exception {
        TlsMaterial material = create();
        Path folder = dataDir.resolve("tls");
        assertEquals("rw-------", perms(folder.resolve(TlsMaterial.KEYSTORE)));
        assertEquals("rw-------", perms(folder.resolve(TlsMaterial.PASSWORD)));
        assertEquals("rwx------", perms(folder));
        assertEquals(material.password(), Files.readString(folder.resolve(TlsMaterial.PASSWORD)).trim());
        assertTrue(material.password().length() >= 32);
        try (var files = Files.list(folder)) {
            assertEquals(Set.of(TlsMaterial.KEYSTORE, TlsMaterial.PASSWORD),
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()), "no temporary files left");
        }
    }

    @Test
    void certificateIsEcTenYearsWithLoopbackNames() throws Exception {
        X509Certificate certificate = create().certificate();
        assertEquals("EC", certificate.getPublicKey().getAlgorithm());
        Duration validity = Duration.between(Instant.now(), certificate.getNotAfter().toInstant());
        assertTrue(validity.toDays() > 3640 && validity.toDays() <= 3650, validity.toString());
        List<String> names = certificate.getSubjectAlternativeNames().stream().map(n -> n.get(1).toString())
                .toList();
        assertTrue(names.contains("localhost"), names.toString());
        assertTrue(names.contains("127.0.0.1"), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.equals("0:0:0:0:0:0:0:1") || n.equals("::1")), names.toString());
        certificate.verify(certificate.getPublicKey());
    }

    @Test
    void laterStartsReuseTheSameCertificate() throws Exception {
        TlsMaterial first = create();
        TlsMaterial second = create();
        assertEquals(first.sha256Fingerprint(), second.sha256Fingerprint());
        assertTrue(first.sha256Fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), first.sha256Fingerprint());
    }

    @Test
    void aMissingPasswordFileIsReportedNotReplaced() throws Exception {
        TlsMaterial first = create();
        Files.delete(dataDir.resolve("tls").resolve(TlsMaterial.PASSWORD));
        IOException e = assertThrows(IOException.class, this::create);
        assertTrue(e.getMessage().contains(TlsMaterial.PASSWORD), e.getMessage());
        assertTrue(Files.exists(first.keystore()), "the old key store is kept");
    }

    @Test
    void aWrongPasswordIsReported() throws Exception {
        create();
        Files.writeString(dataDir.resolve("tls").resolve(TlsMaterial.PASSWORD), "wrong");
        assertThrows(IOException.class, this::create);
    }

    @Test
    void toStringHidesThePassword() throws Exception {
        TlsMaterial material = create();
        assertTrue(!material.toString().contains(material.password()));
    }

    private static String perms(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
