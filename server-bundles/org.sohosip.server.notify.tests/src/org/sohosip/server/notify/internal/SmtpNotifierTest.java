// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sohosip.server.notify.Notification;
import org.sohosip.server.notify.NotificationException;

import com.fasterxml.jackson.databind.JsonNode;

/** The e-mail channel against a real SMTP server (aiosmtpd) on loopback. */
class SmtpNotifierTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final SSLSocketFactory DEFAULT_TLS = (SSLSocketFactory) SSLSocketFactory.getDefault();

    @TempDir
    Path dir;

    private static SmtpNotifier mailer(int port, String user, String password, boolean starttls,
            SSLSocketFactory tls) {
        return new SmtpNotifier(new SmtpSettings("127.0.0.1", port, "voicemail@office.example", user, password,
                starttls), tls, Notices.ZONE);
    }

    @Test
    void mailWithTheRecordingAttachedReachesTheServer() throws Exception {
        int port = Await.freePort();
        byte[] wav = Notices.wav(3);
        try (SmtpServer server = SmtpServer.start(dir, port, "--user", "pbx", "--password", "mail-Secret-9")) {
            mailer(port, "pbx", "mail-Secret-9", true, DEFAULT_TLS)
                    .send(Notices.notice("alice@office.example", "Bob Lin", wav));

            JsonNode m = server.awaitMessage(WAIT);
            assertEquals("voicemail@office.example", m.get("mailFrom").asText());
            assertEquals("alice@office.example", m.get("rcptTos").get(0).asText());
            assertEquals("pbx", m.get("login").asText(), "AUTH PLAIN with the configured user");
            assertEquals("New voicemail from Bob Lin (0223456789)", m.get("subject").asText());
            assertTrue(m.get("text").asText().startsWith(
                    "New voicemail from Bob Lin (0223456789) at 2026-11-26 14:05, 12 s."), m::toString);
            assertEquals(1, m.get("attachments").size(), m::toString);
            JsonNode a = m.get("attachments").get(0);
            assertEquals("audio/wav", a.get("contentType").asText());
            assertEquals("voicemail-20261126-1405-0223456789.wav", a.get("filename").asText());
            assertEquals(wav.length, a.get("size").asInt());
            assertEquals(Notices.sha256(wav), a.get("sha256").asText(), "the attachment is the recording");
            assertEquals(0, m.get("defects").size(), m::toString);
        }
    }

    @Test
    void authLoginWhenPlainIsNotOfferedAndNonAsciiSubject() throws Exception {
        int port = Await.freePort();
        try (SmtpServer server = SmtpServer.start(dir, port, "--user", "pbx", "--password", "mail-Secret-9",
                "--no-plain")) {
            mailer(port, "pbx", "mail-Secret-9", false, DEFAULT_TLS)
                    .send(Notices.notice("alice@office.example", "林小明", Notices.wav(1)));

            JsonNode m = server.awaitMessage(WAIT);
            assertEquals("pbx", m.get("login").asText());
            assertEquals("New voicemail from 林小明 (0223456789)", m.get("subject").asText());
            assertFalse(m.get("tls").asBoolean());
        }
    }

    @Test
    void switchesToTlsWhenTheServerOffersStartTls() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        selfSigned(cert, key);

        int port = Await.freePort();
        try (SmtpServer server = SmtpServer.start(dir, port, "--user", "pbx", "--password", "mail-Secret-9",
                "--cert", cert.toString(), "--key", key.toString())) {
            mailer(port, "pbx", "mail-Secret-9", true, trusting(cert))
                    .send(Notices.notice("alice@office.example", null, Notices.wav(1)));

            JsonNode m = server.awaitMessage(WAIT);
            assertTrue(m.get("tls").asBoolean(), "the session switched to TLS before AUTH and DATA");
            assertEquals("pbx", m.get("login").asText());
        }
    }

    @Test
    void untrustedCertificateFailsAndIsRetryable() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        selfSigned(cert, key);
        int port = Await.freePort();
        try (SmtpServer server = SmtpServer.start(dir, port, "--cert", cert.toString(), "--key", key.toString())) {
            NotificationException e = assertThrows(NotificationException.class, () -> mailer(port, "", "", true,
                    DEFAULT_TLS).send(Notices.notice("alice@office.example", null, Notices.wav(1))));
            assertTrue(e.retryable());
            assertTrue(server.messages().isEmpty(), "nothing is sent over a connection that failed TLS");
        }
    }

    @Test
    void wrongPasswordIsPermanentAndNotInTheMessage() throws Exception {
        int port = Await.freePort();
        try (SmtpServer server = SmtpServer.start(dir, port, "--user", "pbx", "--password", "mail-Secret-9")) {
            NotificationException e = assertThrows(NotificationException.class, () -> mailer(port, "pbx",
                    "wrong-Pass-3", false, DEFAULT_TLS).send(Notices.notice("alice@office.example", null,
                            Notices.wav(1))));
            assertFalse(e.retryable(), "535 is a permanent failure");
            assertTrue(e.getMessage().contains("535") && e.getMessage().contains("AUTH PLAIN"), e::getMessage);
            assertFalse(e.getMessage().contains("wrong-Pass-3"), e::getMessage);
            assertTrue(server.messages().isEmpty());
        }
    }

    @Test
    void anAddressWithALineBreakIsRefusedBeforeConnecting() {
        Notification n = Notices.notice("alice@office.example\r\nBcc: all@office.example", null, Notices.wav(1));
        NotificationException e = assertThrows(NotificationException.class,
                () -> mailer(Await.freePort(), "", "", false, DEFAULT_TLS).send(n));
        assertFalse(e.retryable());
    }

    /** A certificate for 127.0.0.1 that no default trust store knows. */
    private static void selfSigned(Path cert, Path key) throws Exception {
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days",
                "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(),
                "-out", cert.toString()).redirectErrorStream(true).start();
        openssl.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0, "openssl made a certificate");
    }

    private static SSLSocketFactory trusting(Path certPem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certPem)) {
            trust.setCertificateEntry("test", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx.getSocketFactory();
    }
}
