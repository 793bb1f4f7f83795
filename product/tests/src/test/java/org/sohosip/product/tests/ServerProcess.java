// SPDX-License-Identifier: EPL-2.0
package org.sohosip.product.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The materialized server product, started on free loopback ports (database, HTTPS API, SIP over UDP and TCP) with
 * its own data directory.
 */
final class ServerProcess implements AutoCloseable {

    static final Pattern READY = Pattern.compile("SOHOSIP server ready in (\\d+) ms, listening on: (.*)$");
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    final Path dataDir;
    final int dbPort;
    final int apiPort;
    final int sipPort;
    final Process process;
    final ProcessOutput output;

    private ServerProcess(Path dataDir, int dbPort, int apiPort, int sipPort, Process process) {
        this.dataDir = dataDir;
        this.dbPort = dbPort;
        this.apiPort = apiPort;
        this.sipPort = sipPort;
        this.process = process;
        this.output = new ProcessOutput(process.getInputStream(), "server");
    }

    /** Starts the server; {@code extra} arguments are appended to the command line. */
    static ServerProcess start(Path dataDir, int dbPort, int apiPort, String... extra) throws IOException {
        int sipPort = Products.freeSipPort();
        List<String> cmd = new ArrayList<>(List.of(Products.serverScript().toString(), "--data", dataDir.toString(),
                "--set", "db.port=" + dbPort, "--set", "api.port=" + apiPort, "--set", "api.host=127.0.0.1",
                "--set", "sip.host=127.0.0.1", "--set", "sip.port=" + sipPort));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        return new ServerProcess(dataDir, dbPort, apiPort, sipPort, pb.start());
    }

    static ServerProcess start(Path dataDir, String... extra) throws IOException {
        return start(dataDir, Products.freePort(), Products.freePort(), extra);
    }

    /**
     * Waits for the start-up line that lists every listening port, then until the SIP port answers over UDP and
     * accepts TCP connections.
     */
    Matcher awaitReady() throws IOException, InterruptedException {
        Matcher m = output.await(READY, START_TIMEOUT).orElse(null);
        assertTrue(m != null, "the server did not report ready:\n" + output.text());
        assertTrue(SipProbe.awaitAnswer(sipPort, Duration.ofSeconds(20)),
                "the server reported ready but SIP on 127.0.0.1:" + sipPort + " does not answer:\n" + output.text());
        return m;
    }

    /** @return the SIP address of the server's proxy, as SIPp and baresip want it */
    String sipAddress() {
        return "127.0.0.1:" + sipPort;
    }

    String baseUrl() {
        return "https://127.0.0.1:" + apiPort;
    }

    /** Sends SIGTERM and waits for the process to end; returns its exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server did not stop within 60 s after SIGTERM");
        return process.exitValue();
    }

    /** Kills the server at once (SIGKILL, as {@code kill -9}): nothing of it gets to clean up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server did not die of SIGKILL");
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
