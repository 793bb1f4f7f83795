// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * baresip (Debian package baresip-core), a real softphone that takes transfers (REFER), run headless on loopback as
 * one user's phone: registered through the proxy, answering every call by itself ({@code answermode=auto}), sending
 * a second of silence as its microphone, with its SIP trace ({@code -s}) kept for the test to read. It quits by
 * itself after its lifetime, under {@code timeout(1)}, so it can never outlive the test.
 */
final class BaresipPhone implements AutoCloseable {

    private static final Path MODULES = Path.of("/usr/lib/baresip/modules");

    private final Process process;
    private final StringBuffer output = new StringBuffer();

    private BaresipPhone(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> drain(process.getInputStream()), "baresip-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** @return whether baresip and the modules used here are installed */
    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/baresip")) && Files.isRegularFile(MODULES.resolve("aufile.so"));
    }

    /** Starts baresip as {@code user} of {@code domain}, with the proxy on 127.0.0.1:{@code proxyPort}. */
    static BaresipPhone start(Path work, String user, String password, String domain, int proxyPort,
            Duration lifetime) throws IOException {
        Path home = Files.createDirectories(work.resolve("baresip-" + user));
        Path silence = home.resolve("silence.wav");
        Files.write(silence, silentWav(8000));
        Files.writeString(home.resolve("config"), String.join("\n",
                "poll_method\t\tepoll",
                "sip_listen\t\t127.0.0.1:" + Sipp.freeUdpPort(),
                "net_interface\t\t127.0.0.1",
                "call_local_timeout\t120",
                "call_max_calls\t\t4",
                "audio_player\t\taubridge," + user + "-speaker",
                "audio_source\t\taufile," + silence,
                "audio_alert\t\taubridge," + user + "-ringer",
                "module_path\t\t" + MODULES,
                "module\t\t\tg711.so",
                "module\t\t\taufile.so",
                "module\t\t\taubridge.so",
                "module_tmp\t\tuuid.so",
                "module_tmp\t\taccount.so",
                "module_app\t\tmenu.so", ""));
        // baresip 1.0.0 answers only MD5 digest challenges: the proxy must offer MD5 alone while it runs
        Files.writeString(home.resolve("accounts"), "<sip:" + user + "@" + domain + ">;auth_pass=" + password
                + ";outbound=\"sip:127.0.0.1:" + proxyPort + "\";regint=300;answermode=auto;audio_codecs=PCMU,PCMA\n");
        List<String> cmd = List.of("timeout", "-k", "5", Long.toString(lifetime.toSeconds() + 10), "baresip", "-s",
                "-f", home.toString(), "-t", Long.toString(lifetime.toSeconds()));
        return new BaresipPhone(new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true).start());
    }

    /** @return everything baresip printed so far (its SIP trace included) */
    String output() {
        return output.toString();
    }

    private void drain(InputStream in) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0;) {
                output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** One second of 8 kHz 16-bit mono silence as a WAV file. */
    private static byte[] silentWav(int samples) {
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        return b.array();
    }

    /** Keeps what baresip printed in {@code file}, for reading after the test. */
    void saveOutput(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, output());
        } catch (IOException e) {
            // only a convenience for people reading the run
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
