// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real SMTP server for tests: Debian's aiosmtpd (python3-aiosmtpd) on 127.0.0.1, started as a child process
 * with {@code smtp/smtp_server.py}. It parses each message with Python's MIME parser and writes what it found as
 * JSON, which {@link #messages()} reads.
 */
final class SmtpServer implements AutoCloseable {

    private static final String PYTHON = "/usr/bin/python3";

    private final Process process;
    private final Path outdir;
    private final int port;

    private SmtpServer(Process process, Path outdir, int port) {
        this.process = process;
        this.outdir = outdir;
        this.port = port;
    }

    /**
     * @param extra further options of the script: {@code --user U --password P}, {@code --cert C --key K},
     *            {@code --no-plain}
     */
    static SmtpServer start(Path dir, int port, String... extra) throws IOException {
        Path script = dir.resolve("smtp_server.py");
        if (!Files.exists(script)) {
            try (InputStream in = SmtpServer.class.getResourceAsStream("/smtp/smtp_server.py")) {
                if (in == null) {
                    throw new IOException("smtp/smtp_server.py is missing from the test bundle");
                }
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!Files.isExecutable(Path.of(PYTHON))) {
            throw new IOException(PYTHON + " is missing: apt-get install -y python3-aiosmtpd");
        }
        Path outdir = Files.createTempDirectory(dir, "mail-" + port + "-");
        List<String> cmd = new ArrayList<>(List.of(PYTHON, script.toString(), "--port", Integer.toString(port),
                "--outdir", outdir.toString()));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.equals("READY")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            ready.complete(false);
        }, "test-smtp-output");
        reader.setDaemon(true);
        reader.start();
        boolean up;
        try {
            up = ready.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            up = false;
        }
        if (!up) {
            p.destroyForcibly();
            synchronized (output) {
                throw new IOException("the test SMTP server did not start:\n" + output);
            }
        }
        return new SmtpServer(p, outdir, port);
    }

    int port() {
        return port;
    }

    /** @return every message received so far, in order */
    List<JsonNode> messages() {
        List<JsonNode> result = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (int i = 1;; i++) {
            Path f = outdir.resolve(i + ".json");
            if (!Files.exists(f)) {
                return result;
            }
            try {
                result.add(json.readTree(f.toFile()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** @return the first message, waiting for it at most {@code timeout} */
    JsonNode awaitMessage(Duration timeout) {
        Await.until("an e-mail at the SMTP server on port " + port, timeout, () -> !messages().isEmpty());
        return messages().get(0);
    }

    @Override
    public void close() throws Exception {
        // Closing its input tells the server to stop; it is killed if it does not.
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
