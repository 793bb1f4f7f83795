// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real SIP peer in a process of its own (sipp or baresip) on loopback, always under {@code timeout}, with its
 * output in a file; closing kills it and everything it started.
 */
final class Peer implements AutoCloseable {

    private final Process process;
    final Path output;
    final Path messages;
    private int port;

    private Peer(Process process, Path output, Path messages) {
        this.process = process;
        this.output = output;
        this.messages = messages;
    }

    /**
     * Runs a sipp scenario.
     *
     * @param dir      a folder for the scenario and logs
     * @param name     a name for the files
     * @param scenario the scenario XML
     * @param port     the local SIP port sipp binds
     * @param args     further arguments (e.g. the remote {@code host:port} for a client scenario)
     */
    static Peer sipp(Path dir, String name, String scenario, int port, String... args) throws IOException {
        Path sf = dir.resolve(name + ".xml");
        Files.writeString(sf, scenario, StandardCharsets.ISO_8859_1);
        Path messages = dir.resolve(name + "-messages.log");
        List<String> cmd = new ArrayList<>(List.of("timeout", "-k", "5", "90", "sipp", "-nostdin", "-sf",
                sf.toString(), "-i", "127.0.0.1", "-p", Integer.toString(port), "-m", "1", "-timeout", "80s",
                "-trace_msg", "-message_file", messages.toString(), "-trace_err", "-error_file",
                dir.resolve(name + "-errors.log").toString(), "-mp", Integer.toString(freeUdpPort() & ~1)));
        cmd.addAll(List.of(args));
        return start(dir, name, cmd, messages).withPort(port);
    }

    /**
     * Runs baresip headless: it sends {@code wav} as its microphone and drops what it receives.
     *
     * @param dir      a folder for its configuration and output
     * @param name     a name for the files
     * @param port     the SIP port it listens on
     * @param wav      an 8 kHz mono WAV file
     * @param seconds  it quits after this long (ending its calls)
     * @param commands commands run at start, e.g. {@code /dial sip:bob@127.0.0.1:5062}
     */
    static Peer baresip(Path dir, String name, int port, Path wav, int seconds, String... commands)
            throws IOException {
        Path cfg = dir.resolve(name + "-cfg");
        Files.createDirectories(cfg);
        int rtp = freeUdpPort() & ~1;
        Files.writeString(cfg.resolve("config"), String.join("\n",
                "poll_method epoll",
                "sip_listen 127.0.0.1:" + port,
                "audio_player aubridge,dev1",
                "audio_source aufile," + wav,
                "audio_alert aubridge,dev1",
                "module_path /usr/lib/baresip/modules",
                "module stdio.so",
                "module g711.so",
                "module aufile.so",
                "module aubridge.so",
                "module_app account.so",
                "module_app menu.so",
                "rtp_ports " + rtp + "-" + (rtp + 20),
                "") );
        Files.writeString(cfg.resolve("accounts"),
                "<sip:" + name + "@127.0.0.1>;regint=0;answermode=auto;audio_codecs=PCMU,PCMA\n");
        List<String> cmd = new ArrayList<>(List.of("timeout", "-k", "5", Integer.toString(seconds + 20), "baresip",
                "-f", cfg.toString(), "-t", Integer.toString(seconds)));
        for (String c : commands) {
            cmd.add("-e");
            cmd.add(c);
        }
        return start(dir, name, cmd, dir.resolve(name + "-output.log")).withPort(port);
    }

    private static Peer start(Path dir, String name, List<String> cmd, Path messages) throws IOException {
        Path out = dir.resolve(name + "-output.log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        return new Peer(p, out, messages);
    }

    /** @return the exit code, or -1 when it did not end in time (it is then killed) */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            return -1;
        }
        return process.exitValue();
    }

    /** @param p the SIP port it listens on @return this */
    Peer withPort(int p) {
        port = p;
        return this;
    }

    int port() {
        return port;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** @return what it printed so far */
    String output() throws IOException {
        return Files.exists(output) ? Files.readString(output, StandardCharsets.ISO_8859_1) : "";
    }

    /** @return the SIP messages it logged so far (sipp) */
    String messages() throws IOException {
        return Files.exists(messages) ? Files.readString(messages, StandardCharsets.ISO_8859_1) : "";
    }

    /** @return how often {@code text} occurs in the logged messages */
    int count(String text) {
        String m;
        try {
            m = messages();
        } catch (IOException e) {
            return 0;
        }
        int n = 0;
        for (int i = m.indexOf(text); i >= 0; i = m.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return a UDP port free on loopback right now */
    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Makes an 8 kHz mono 16-bit WAV with sox: a sine of {@code hz} (0 for silence) for {@code seconds}. */
    static Path wav(Path dir, String name, int hz, int seconds) throws IOException, InterruptedException {
        Path f = dir.resolve(name + ".wav");
        List<String> cmd = hz > 0
                ? List.of("sox", "-n", "-r", "8000", "-c", "1", "-b", "16", f.toString(), "synth",
                        Integer.toString(seconds), "sine", Integer.toString(hz), "vol", "0.5")
                : List.of("sox", "-n", "-r", "8000", "-c", "1", "-b", "16", f.toString(), "trim", "0",
                        Integer.toString(seconds));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("sox could not make " + f + ": " + new String(p.getInputStream().readAllBytes()));
        }
        return f;
    }
}
