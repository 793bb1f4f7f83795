// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.sohosip.client.core.tests.PhoneFixture.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sohosip.client.core.ApiClient;
import org.sohosip.client.core.ApiException;
import org.sohosip.client.core.KnownServersFile;
import org.sohosip.client.core.internal.MessageWaitingComponent;
import org.sohosip.client.core.internal.SessionServiceImpl;
import org.sohosip.client.core.internal.VoicemailServiceImpl;
import org.sohosip.core.api.MailboxSettings;
import org.sohosip.core.api.MailboxSettingsChange;
import org.sohosip.core.api.NewAccount;
import org.sohosip.core.api.VoicemailCounts;
import org.sohosip.core.api.VoicemailFolder;

/**
 * The voicemail service against the real SOHOSIP server: the materialized server product with its store and API,
 * a fresh account's empty mailbox, its settings and the server's error answers. Skipped when the server product has
 * not been built (build the {@code product} module first).
 */
class VoicemailThroughServerTest {

    private static final String READY = "SOHOSIP server ready in";

    @TempDir
    Path dir;
    private Process server;
    private SessionServiceImpl session;
    private VoicemailServiceImpl voicemail;

    @AfterEach
    void stop() throws InterruptedException {
        if (voicemail != null) {
            voicemail.close();
        }
        if (session != null) {
            session.logout();
        }
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static Path serverScript() {
        return Path.of(System.getProperty("sohosip.products", "../../product/target/products"), "sohosip-server",
                "linux", "gtk", "x86_64", "sohosip-server", "sohosip-server").toAbsolutePath().normalize();
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void anEmptyMailboxItsSettingsAndTheServersErrors() throws Exception {
        Path script = serverScript();
        assumeTrue(Files.isExecutable(script), "the server product is not built (" + script + ")");
        int apiPort = freeTcpPort();
        Path data = Files.createDirectories(dir.resolve("data"));
        Path log = dir.resolve("server.log");
        server = new ProcessBuilder(script.toString(), "--data", data.toString(), "--set", "db.port=" + freeTcpPort(),
                "--set", "api.port=" + apiPort, "--set", "api.host=127.0.0.1", "--set", "sip.host=127.0.0.1",
                "--set", "sip.port=" + Peer.freeUdpPort()).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        await("the server to start", Duration.ofSeconds(120), () -> read(log).contains(READY) || !server.isAlive());
        assertTrue(server.isAlive(), "the server stopped:\n" + read(log));
        URI uri = URI.create("https://127.0.0.1:" + apiPort);
        ApiClient api = new ApiClient(uri, new KnownServersFile(dir.resolve("known-servers")), c -> true);
        String token = api.login("admin", Files.readString(data.resolve("initial-admin-password")).strip()
                .toCharArray()).token();
        api.createAccount(token, new NewAccount("erin", "erin-secret-12", "3501", "Erin", List.of(), false));

        session = new SessionServiceImpl(new KnownServersFile(dir.resolve("known")), Duration.ofSeconds(1));
        session.login(uri, "erin", "erin-secret-12".toCharArray(), c -> true);
        MessageWaitingComponent waiting = new MessageWaitingComponent();
        voicemail = new VoicemailServiceImpl(session, session, waiting);

        assertEquals(new VoicemailCounts(0, 0, 0, 0), voicemail.counts());
        assertTrue(waiting.state().known());
        for (VoicemailFolder f : VoicemailFolder.values()) {
            assertTrue(voicemail.messages(f).isEmpty(), f.name());
        }
        MailboxSettings before = voicemail.settings();
        assertEquals("en", before.language());
        assertFalse(before.pinSet());

        MailboxSettings after = voicemail.updateSettings(new MailboxSettingsChange("zh-TW", 30, "4711", null, null,
                null, null));
        assertEquals("zh-TW", after.language());
        assertEquals(30, after.noAnswerSeconds());
        assertTrue(after.pinSet());
        ApiException bad = assertThrows(ApiException.class, () -> voicemail.updateSettings(
                new MailboxSettingsChange(null, 2, null, null, null, null, null)));
        assertEquals(400, bad.status());
        assertTrue(bad.fieldErrors().containsKey("noAnswerSeconds"), bad.fieldErrors().toString());
        assertEquals(after, voicemail.settings(), "a refused change changes nothing");

        // a message that does not exist (or is someone else's) is 404 for every operation, and leaves no file
        assertEquals(404, assertThrows(ApiException.class, () -> voicemail.move(999, VoicemailFolder.OLD)).status());
        assertEquals(404, assertThrows(ApiException.class, () -> voicemail.delete(999)).status());
        assertEquals(404, assertThrows(ApiException.class, () -> voicemail.audio(999, n -> {
        })).status());
        Path target = dir.resolve("none.wav");
        assertThrows(ApiException.class, () -> voicemail.saveAsWav(999, target));
        assertFalse(Files.exists(target));
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
