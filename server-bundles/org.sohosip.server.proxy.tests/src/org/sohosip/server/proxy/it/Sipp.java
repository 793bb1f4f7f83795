// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.it;

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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real sipp server peer on 127.0.0.1 (the telephone-network side of a gateway), run from a scenario of this
 * bundle with {@code -nostdin}, {@code -m 1}, a global timeout and under {@code timeout(1)}, so that it can never
 * outlive the test. Its message trace is kept under {@code target/sipp/}.
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

    /** Starts sipp as a server with a scenario from {@code scenarios/} on a free UDP port. */
    static Sipp server(String scenario) throws IOException {
        int p = freeUdpPort();
        Path out = Path.of("target/sipp").toAbsolutePath();
        Files.createDirectories(out);
        Path dir = Files.createTempDirectory(out, scenario.replace(".xml", "") + "-");
        Path file = dir.resolve(scenario);
        try (InputStream in = Sipp.class.getResourceAsStream("/scenarios/" + scenario)) {
            if (in == null) {
                throw new IOException("scenario " + scenario + " is missing from the test bundle");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> cmd = List.of("timeout", "-k", "2", "70", "sipp", "-nostdin", "-m", "1", "-sf", file.toString(),
                "-i", "127.0.0.1", "-p", String.valueOf(p), "-mp", String.valueOf(freeUdpPort()), "-timeout", "60s",
                "-trace_msg", "-message_file", dir.resolve("messages.log").toString(), "-trace_err", "-error_file",
                dir.resolve("errors.log").toString());
        Process proc = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.log").toFile()).redirectErrorStream(true).start();
        return new Sipp(proc, dir, p);
    }

    /** Asserts that sipp ended its call exactly as the scenario says. */
    void assertSucceeded() throws Exception {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            fail("sipp did not finish within 30 s; trace: " + trace());
        }
        if (process.exitValue() != 0) {
            fail("sipp exited with " + process.exitValue() + "; trace in " + dir + ": " + trace());
        }
    }

    /** @return the messages sipp sent and received so far */
    String messages() throws IOException {
        Path p = dir.resolve("messages.log");
        return Files.exists(p) ? Files.readString(p) : "";
    }

    private String trace() {
        StringBuilder b = new StringBuilder();
        for (String f : new String[] { "errors.log", "stdout.log", "messages.log" }) {
            try {
                Path p = dir.resolve(f);
                if (Files.exists(p)) {
                    String s = Files.readString(p);
                    b.append("\n--- ").append(f).append(" ---\n")
                            .append(s.length() > 6000 ? s.substring(s.length() - 6000) : s);
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

    /** For messages that name how long to wait. */
    static final Duration WAIT = Duration.ofSeconds(10);
}
