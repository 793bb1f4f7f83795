// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sohosip.client.core.KnownServersFile;
import org.sohosip.client.core.internal.SessionServiceImpl;
import org.sohosip.client.core.internal.phone.DigestKeys;
import org.sohosip.client.core.internal.phone.SipAccount;

/** At login the session reads the SIP settings and keeps only the digest keys, never the password. */
class SipAccountTest {

    private static TestCertificates cert;

    @TempDir
    Path dir;
    private CannedServer server;
    private SessionServiceImpl session;

    @BeforeAll
    static void certificate(@TempDir Path certs) throws Exception {
        cert = TestCertificates.generate(certs, "pbx");
    }

    @BeforeEach
    void start() throws Exception {
        server = new CannedServer(cert);
        session = new SessionServiceImpl(new KnownServersFile(dir.resolve("known")), Duration.ofMillis(200));
    }

    @AfterEach
    void stop() {
        session.logout();
        server.close();
    }

    @Test
    void digestKeysMatchPublishedVectors() {
        // RFC 2617 section 3.5 and the RFC 7616 section 3.9.1 credentials, cross-checked with another MD5/SHA tool
        assertEquals("939e7578ed9e3c518a452acee763bce9",
                DigestKeys.ha1("MD5", "Mufasa", "testrealm@host.com", "Circle Of Life".toCharArray()));
        assertEquals("7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232",
                DigestKeys.ha1("SHA-256", "Mufasa", "http-auth@example.org", "Circle of Life".toCharArray()));
        assertEquals("5df3b89c7dd6610eae1bc163bccfa06c",
                DigestKeys.ha1("MD5", "j\u00f6rg", "sohosip.local", "p\u00e4ss".toCharArray()), "UTF-8 bytes");
    }

    @Test
    void loginDerivesTheSipAccountAndLogoutForgetsIt() {
        server.sipPort = 15060;
        char[] password = CannedServer.PASSWORD.toCharArray();
        session.login(server.uri(), "bob", password, c -> true);
        SipAccount a = session.sipAccount().orElseThrow();
        assertEquals("sip:bob@sohosip.local", a.addressOfRecord());
        assertEquals("127.0.0.1", a.registrar());
        assertEquals(15060, a.port());
        assertEquals(List.of("udp", "tcp"), a.transports());
        assertEquals("c03c2793cf4dd3377fe8dedaeed246de", a.ha1Md5());
        assertEquals("d9c9cc2a3541f86b6075a2fe024962186cb6e84a7a217dbd16150b308368c980", a.ha1Sha256());
        assertFalse(a.toString().contains(a.ha1Md5()) || a.toString().contains(a.ha1Sha256()), a.toString());
        assertTrue(session.sipProblem().isEmpty());
        session.logout();
        assertTrue(session.sipAccount().isEmpty());
    }

    @Test
    void serverWithoutTelephonyStillLogsInAndSaysWhy() {
        server.sipPort = 0;
        session.login(server.uri(), "bob", CannedServer.PASSWORD.toCharArray(), c -> true);
        assertTrue(session.sipAccount().isEmpty());
        assertTrue(session.sipProblem().orElseThrow().contains("does not offer telephony"),
                session.sipProblem().orElseThrow());
    }
}
