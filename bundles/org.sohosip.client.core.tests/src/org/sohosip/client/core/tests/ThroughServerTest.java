// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.sohosip.client.core.tests.PhoneFixture.await;
import static org.sohosip.client.core.tests.PhoneFixture.awaitState;

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
import org.sohosip.client.core.Call;
import org.sohosip.client.core.CallState;
import org.sohosip.client.core.KnownServersFile;
import org.sohosip.client.core.RegistrationState;
import org.sohosip.core.api.NewAccount;

/**
 * Two softphones register with the real SOHOSIP server (its registrar and proxy, with the accounts it keeps) and
 * call each other by extension. Runs the materialized server product; skipped when it has not been built (build
 * the {@code product} module first).
 */
class ThroughServerTest {

    private static final String READY = "SOHOSIP server ready in";

    @TempDir
    Path dir;
    private Process server;
    private PhoneFixture carol;
    private PhoneFixture dave;

    @AfterEach
    void stop() throws InterruptedException {
        for (PhoneFixture f : new PhoneFixture[] { carol, dave }) {
            if (f != null) {
                f.close();
            }
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
    void twoPhonesRegisterWithTheServerAndCallByExtension() throws Exception {
        Path script = serverScript();
        assumeTrue(Files.isExecutable(script), "the server product is not built (" + script + ")");
        int apiPort = freeTcpPort();
        int sipPort = Peer.freeUdpPort();
        Path data = Files.createDirectories(dir.resolve("data"));
        Path log = dir.resolve("server.log");
        server = new ProcessBuilder(script.toString(), "--data", data.toString(), "--set", "db.port=" + freeTcpPort(),
                "--set", "api.port=" + apiPort, "--set", "api.host=127.0.0.1", "--set", "sip.host=127.0.0.1",
                "--set", "sip.port=" + sipPort).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await("the server to start", Duration.ofSeconds(120), () -> read(log).contains(READY) || !server.isAlive());
        assertTrue(server.isAlive(), "the server stopped:\n" + read(log));

        String adminPassword = Files.readString(data.resolve("initial-admin-password")).strip();
        ApiClient api = new ApiClient(URI.create("https://127.0.0.1:" + apiPort),
                new KnownServersFile(dir.resolve("known-servers")), c -> true);
        String token = api.login("admin", adminPassword.toCharArray()).token();
        api.createAccount(token, new NewAccount("carol", "carol-secret-1", "3401", "Carol", List.of(), false));
        api.createAccount(token, new NewAccount("dave", "dave-secret-12", "3402", "Dave", List.of("sales"), false));

        carol = new PhoneFixture(true);
        dave = new PhoneFixture(true);
        carol.start("carol", sipPort, "carol-secret-1");
        dave.start("dave", sipPort, "dave-secret-12");
        await("both registered", Duration.ofSeconds(20), () -> carol.phone.state() == RegistrationState.REGISTERED
                && dave.phone.state() == RegistrationState.REGISTERED);

        Call out = carol.phone.dial("3402");
        await("the call reaches dave", () -> !dave.phone.calls().isEmpty());
        Call in = dave.phone.calls().get(0);
        awaitState(in, CallState.INCOMING);
        assertEquals("carol", in.remoteParty());
        awaitState(out, CallState.RINGING);
        in.answer();
        awaitState(out, CallState.ACTIVE);
        awaitState(in, CallState.ACTIVE);
        assertTrue(dave.audio.lastSpeaker().awaitTone(TestAudio.OWN_TONE, Duration.ofMillis(400),
                Duration.ofSeconds(15)), "carol's microphone tone must reach dave through the server's proxy");
        assertTrue(carol.audio.lastSpeaker().awaitTone(TestAudio.OWN_TONE, Duration.ofMillis(400),
                Duration.ofSeconds(15)), "and dave's must reach carol");
        out.hangUp();
        awaitState(in, CallState.ENDED);
        assertEquals("The other side hung up.", in.endReason());

        Call alias = dave.phone.dial("carol");
        await("a call by user name", () -> !carol.phone.calls().isEmpty());
        carol.phone.calls().get(0).decline();
        awaitState(alias, CallState.ENDED);
        assertTrue(alias.endReason().startsWith("Declined"), alias.endReason());
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
