// SPDX-License-Identifier: EPL-2.0
package org.sohosip.product.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * baresip (Debian package baresip-core), a real softphone, run headless on loopback: it sends a WAV file as its
 * microphone ({@code aufile}), plays what it receives into a bridge nobody listens to ({@code aubridge}) and keeps a
 * copy of the decoded audio it received in a WAV file ({@code sndfile}), which the test searches for the other
 * side's tone. It registers to the server as one account and answers calls by itself; the test can also drive it
 * through its TCP control interface ({@code ctrl_tcp}).
 */
final class Baresip implements AutoCloseable {

    private static final Path MODULES = Path.of("/usr/lib/baresip/modules");

    final String user;
    final Path home;
    private final int controlPort;
    private final Process process;
    final ProcessOutput output;

    private Baresip(String user, Path home, int controlPort, Process process) {
        this.user = user;
        this.home = home;
        this.controlPort = controlPort;
        this.process = process;
        this.output = new ProcessOutput(process.getInputStream(), "baresip-" + user);
    }

    /** Fails the test with the package to install when baresip (with the modules used here) is missing. */
    static void requireInstalled() {
        assertTrue(Tools.onPath("baresip") && Files.isRegularFile(MODULES.resolve("sndfile.so"))
                && Files.isRegularFile(MODULES.resolve("aufile.so")), "baresip is missing: install it with "
                        + "'apt-get install -y baresip-core' (releng/test installs it)");
    }

    /**
     * Starts baresip registered as {@code user} at the server's proxy {@code proxy} (host:port), sending
     * {@code microphone} (an 8 kHz WAV file), answering calls itself; {@code commands} are menu commands run at
     * start (e.g. {@code /dial sip:bob@sohosip.local}). It quits after {@code lifetime}.
     */
    static Baresip start(Path work, String user, String password, String domain, String proxy, Path microphone,
            Duration lifetime, String... commands) throws IOException {
        Path home = Files.createDirectories(work.resolve("baresip-" + user));
        Path received = Files.createDirectories(home.resolve("received"));
        int port = Products.freePortPair();
        int controlPort = Products.freePort();
        Files.writeString(home.resolve("config"), String.join("\n",
                "poll_method\t\tepoll",
                "sip_listen\t\t127.0.0.1:" + port,
                "net_interface\t\t127.0.0.1",
                "call_local_timeout\t120",
                "call_max_calls\t\t4",
                "audio_player\t\taubridge," + user + "-speaker",
                "audio_source\t\taufile," + microphone,
                "audio_alert\t\taubridge," + user + "-ringer",
                "audio_level\t\tno",
                "audio_buffer\t\t20-160",
                "jitter_buffer_delay\t5-10",
                "module_path\t\t" + MODULES,
                "module\t\t\tg711.so",
                "module\t\t\taufile.so",
                "module\t\t\taubridge.so",
                "module\t\t\tsndfile.so",
                "module_tmp\t\tuuid.so",
                "module_tmp\t\taccount.so",
                "module_app\t\tmenu.so",
                "module_app\t\tctrl_tcp.so",
                "ctrl_tcp_listen\t\t127.0.0.1:" + controlPort,
                "snd_path\t\t" + received, ""));
        Files.writeString(home.resolve("accounts"), "<sip:" + user + "@" + domain + ">;auth_pass=" + password
                + ";outbound=\"sip:" + proxy + "\";regint=300;answermode=auto;audio_codecs=PCMU,PCMA\n");
        List<String> cmd = new ArrayList<>(List.of("timeout", "-k", "5", Long.toString(lifetime.toSeconds() + 30),
                "baresip", "-f", home.toString(), "-t", Long.toString(lifetime.toSeconds())));
        for (String c : commands) {
            cmd.addAll(List.of("-e", c));
        }
        Process p = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true).start();
        return new Baresip(user, home, controlPort, p);
    }

    /** Waits until the registrar accepted this baresip's registration. */
    void awaitRegistered(Duration timeout) throws InterruptedException {
        assertTrue(output.await(Pattern.compile(Pattern.quote(user) + "@\\S+: \\{0/UDP/v4\\} 200 OK"), timeout)
                .isPresent(), "baresip " + user + " did not register:\n" + output.text());
    }

    void awaitEstablished(Duration timeout) throws InterruptedException {
        assertTrue(output.await(Pattern.compile("Call established"), timeout).isPresent(),
                "baresip " + user + " has no established call:\n" + output.text());
    }

    /**
     * Runs a menu command (e.g. {@code dial} with the address, {@code hangup}) through baresip's TCP control
     * interface: a netstring holding {@code {"command":..., "params":...}}; returns baresip's answer.
     */
    String command(String command, String params) throws IOException {
        String json = "{\"command\":\"" + command + "\",\"params\":\"" + params + "\",\"token\":\"t\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", controlPort), 5000);
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write(',');
            out.flush();
            // the answer is a netstring too; its length prefix tells how much to read
            InputStream in = s.getInputStream();
            StringBuilder length = new StringBuilder();
            for (int c; (c = in.read()) != ':';) {
                if (c < 0) {
                    throw new IOException("baresip closed the control connection");
                }
                length.append((char) c);
            }
            return new String(in.readNBytes(Integer.parseInt(length.toString().strip())), StandardCharsets.UTF_8);
        }
    }

    /** Waits for baresip to quit (its lifetime is over) and returns the exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        assertTrue(process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS),
                "baresip " + user + " did not quit:\n" + output.text());
        return process.exitValue();
    }

    /** @return the decoded audio baresip received in its call, once the call has ended */
    Optional<Path> receivedAudio() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("received"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-dec.wav")).findFirst();
        }
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
}
