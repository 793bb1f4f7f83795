// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real sipp peer on 127.0.0.1, run from a scenario of this bundle with {@code -nostdin}, {@code -m 1}, a global
 * timeout and under {@code timeout(1)}, so that it can never outlive the test. Its message trace is kept under
 * {@code target/sipp/}. sipp's own global timeout is longer than the wait here on purpose: sipp exits with 0
 * when that timeout cuts a call short, so a peer that waits in vain must fail the test through the wait instead.
 */
final class Sipp implements AutoCloseable {

    private final Process process;
    private final Path dir;
    final int port;

    private Sipp(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /**
     * @param scenario file name under {@code scenarios/}
     * @param port     local port (0 for a free one)
     * @param remote   {@code host:port} to call, or {@code null} for a server scenario
     * @param keys     pairs of sipp keyword names and values ({@code -key})
     * @return the running sipp
     */
    static Sipp start(String scenario, int port, String remote, String... keys) throws IOException {
        int p = port != 0 ? port : freeUdpPort();
        Path out = Path.of(System.getProperty("sohosip.test.out", "target/sipp"));
        Files.createDirectories(out);
        Path dir = Files.createTempDirectory(out, scenario.replace(".xml", "") + "-");
        Path file = dir.resolve(scenario);
        try (InputStream in = Sipp.class.getResourceAsStream("/scenarios/" + scenario)) {
            if (in == null) {
                throw new IOException("scenario " + scenario + " is missing from the test bundle");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> cmd = new ArrayList<>(List.of("timeout", "-k", "2", "70", "sipp", "-nostdin", "-m", "1", "-sf",
                file.toString(), "-i", "127.0.0.1", "-p", String.valueOf(p), "-mp",
                String.valueOf(freeUdpPort()), "-timeout", "60s", "-trace_msg", "-message_file",
                dir.resolve("messages.log").toString(), "-trace_err", "-error_file",
                dir.resolve("errors.log").toString()));
        for (int i = 0; i + 1 < keys.length; i += 2) {
            cmd.addAll(List.of("-key", keys[i], keys[i + 1]));
        }
        if (remote != null) {
            cmd.add(remote);
        }
        Process proc = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.log").toFile()).redirectErrorStream(true).start();
        return new Sipp(proc, dir, p);
    }

    /** @return sipp's exit code (0 when its one call went exactly as the scenario says) */
    int waitFor(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("sipp did not finish within " + timeout + "; trace: " + trace());
        }
        return process.exitValue();
    }

    /** Asserts that sipp ended its call successfully. */
    void assertSucceeded() throws Exception {
        int code = waitFor(Duration.ofSeconds(30));
        if (code != 0) {
            fail("sipp exited with " + code + "; trace in " + dir + ": " + trace());
        }
    }

    String trace() {
        StringBuilder b = new StringBuilder();
        for (String f : new String[] { "errors.log", "stdout.log", "messages.log" }) {
            try {
                Path p = dir.resolve(f);
                if (Files.exists(p)) {
                    String s = Files.readString(p);
                    b.append("\n--- ").append(f).append(" ---\n").append(s.length() > 6000 ? s.substring(s.length() - 6000) : s);
                }
            } catch (IOException e) {
                b.append(e);
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            return s.getLocalPort();
        }
    }
}
