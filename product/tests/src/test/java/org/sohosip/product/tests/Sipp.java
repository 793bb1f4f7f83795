// SPDX-License-Identifier: EPL-2.0
package org.sohosip.product.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of SIPp (Debian package sip-tester) with a scenario from {@code src/test/resources/sipp}, always on
 * loopback, without reading the terminal ({@code -nostdin}), for a bounded number of calls ({@code -m}) and under
 * {@code timeout} so a stuck run can never outlive the test. Every message it sends and receives is traced to a
 * file the test can read.
 */
final class Sipp implements AutoCloseable {

    /** SIPp's exit code when every call of the run succeeded. */
    static final int ALL_CALLS_SUCCEEDED = 0;

    private final String name;
    private final Process process;
    private final ProcessOutput output;
    private final Path messages;

    private Sipp(String name, Process process, Path messages) {
        this.name = name;
        this.process = process;
        this.output = new ProcessOutput(process.getInputStream(), name);
        this.messages = messages;
    }

    /** Fails the test with the package to install when SIPp is not on this machine. */
    static void requireInstalled() {
        assertTrue(Tools.onPath("sipp"), "SIPp is missing: install it with 'apt-get install -y sip-tester' "
                + "(releng/test installs it)");
        assertTrue(Tools.onPath("timeout"), "'timeout' (coreutils) is missing");
    }

    /**
     * Starts SIPp.
     *
     * @param work     folder for the message trace
     * @param name     label of this peer in the test output and file names
     * @param scenario file name under {@code src/test/resources/sipp}
     * @param limit    the most seconds this run may take
     * @param args     further SIPp arguments (port, keys, remote address)
     */
    static Sipp start(Path work, String name, String scenario, Duration limit, String... args) throws IOException {
        Path messages = work.resolve(name + "-messages.log");
        List<String> cmd = new ArrayList<>(List.of("timeout", "-k", "5", Long.toString(limit.toSeconds()), "sipp",
                "-nostdin", "-sf", scenarioFile(work, scenario).toString(), "-i", "127.0.0.1", "-mi", "127.0.0.1",
                "-trace_msg", "-message_file", messages.toString(), "-trace_err", "-error_file",
                work.resolve(name + "-errors.log").toString(), "-timeout", (limit.toSeconds() - 2) + "s",
                "-timeout_error", "-max_retrans", "5", "-recv_timeout", "15000"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true).start();
        return new Sipp(name, p, messages);
    }

    /** Waits for the run to end and returns SIPp's exit code (0 when every call succeeded). */
    int await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError(name + " (SIPp) did not finish within " + timeout.toSeconds() + " s:\n" + report());
        }
        return process.exitValue();
    }

    /** Waits for the run and fails the test, with SIPp's screen and messages, unless every call succeeded. */
    void awaitSuccess(Duration timeout) throws InterruptedException {
        int exit = await(timeout);
        assertTrue(exit == ALL_CALLS_SUCCEEDED, name + " (SIPp) ended with exit code " + exit + ":\n" + report());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** @return every SIP message this peer sent and received so far */
    String messages() throws IOException {
        return Files.exists(messages) ? Files.readString(messages) : "";
    }

    /** @return how many requests of this method this peer received (first lines of the trace's received blocks) */
    long received(String method) throws IOException {
        long n = 0;
        boolean inReceived = false;
        for (String line : messages().lines().toList()) {
            if (line.contains("message received")) {
                inReceived = true;
            } else if (line.contains("message sent")) {
                inReceived = false;
            } else if (inReceived && line.startsWith(method + " ")) {
                n++;
                inReceived = false;
            }
        }
        return n;
    }

    /** @return SIPp's screen and every message, for a failure message */
    String report() {
        String trace;
        try {
            trace = messages();
        } catch (IOException e) {
            trace = "(cannot read " + messages + ": " + e + ")";
        }
        return "--- " + name + " screen:\n" + output.text() + "\n--- " + name + " messages:\n" + trace;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Copies the scenario out of the test class path so SIPp can read it from a plain file. */
    private static Path scenarioFile(Path work, String scenario) throws IOException {
        Path file = work.resolve(scenario);
        if (!Files.exists(file)) {
            URL url = Sipp.class.getResource("/sipp/" + scenario);
            assertTrue(url != null, "no SIPp scenario " + scenario + " in the test resources");
            try (InputStream in = url.openStream()) {
                Files.copy(in, file);
            }
        }
        return file;
    }
}
