// SPDX-License-Identifier: EPL-2.0
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.sohosip.media.AudioSink;
import org.sohosip.media.AudioSource;
import org.sohosip.media.Codec;
import org.sohosip.media.MediaParameters;
import org.sohosip.media.MediaSession;
import org.sohosip.media.MediaStatistics;
import org.sohosip.media.internal.MediaSessionsComponent;
import org.sohosip.media.tests.Q24Cases;
import org.sohosip.media.tests.Rfc4733Stream;

/**
 * DTMF accuracy. RFC 4733: generated key presses (80-240 ms, random keys, payload type 98 as if negotiated) with
 * random loss and reordering, sent over loopback UDP into a real media session (FMJ's RTP session over our
 * connector, whose telephone-event stage decodes them); the digits its listener is told are aligned with the keys
 * pressed (longest common subsequence): detected = aligned / pressed, duplicates = told but not aligned.
 * In-band: the ITU-T Q.24 accept/reject matrix through the tone receiver.
 */
public final class DtmfBench {

    private static final String KEYS = "0123456789*#ABCD";
    private static final int PAYLOAD_TYPE = 98;

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        double loss = args.length > 1 ? Double.parseDouble(args[1]) : 0.10;
        double reorder = args.length > 2 ? Double.parseDouble(args[2]) : 0.05;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : System.nanoTime();
        boolean ok = rfc4733(count, loss, reorder, seed);
        ok &= q24();
        System.out.println(ok ? "RESULT: PASS" : "RESULT: FAIL");
        System.exit(ok ? 0 : 1);
    }

    private static boolean rfc4733(int count, double loss, double reorder, long seed) throws Exception {
        Random random = new Random(seed);
        Rfc4733Stream stream = new Rfc4733Stream(PAYLOAD_TYPE, random.nextInt(), random.nextInt() & 0xFFFFFFFFL);
        for (int i = 0; i < count; i++) {
            stream.press(KEYS.charAt(random.nextInt(KEYS.length())), 20 * (4 + random.nextInt(9)),
                    2 + random.nextInt(4));
        }
        List<byte[]> arrived = Rfc4733Stream.spoil(stream.packets(), random, loss, reorder);
        System.out.printf("DTMF bench, RFC 4733: %d key presses of 80-240 ms, payload type %d, %d packets sent of "
                + "which %.0f %% lost at random and %.0f %% reordered (seed %d); load average %s%n", count,
                PAYLOAD_TYPE, stream.packets().size(), loss * 100, reorder * 100, seed, loadAverage());
        StringBuilder heard = new StringBuilder();
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        MediaSessionsComponent sessions = new MediaSessionsComponent(20000, 40000);
        long started = System.nanoTime();
        MediaStatistics stats;
        try (MediaSession session = sessions.open(loopback); DatagramSocket peer = new DatagramSocket(0, loopback)) {
            session.addDtmfListener(e -> {
                synchronized (heard) {
                    heard.append(e.digit());
                }
            });
            session.start(new MediaParameters(Codec.PCMU, new InetSocketAddress(loopback, 9), PAYLOAD_TYPE,
                    PAYLOAD_TYPE), new Silence(), new Discard());
            long sent = 0;
            for (byte[] p : arrived) {
                peer.send(new DatagramPacket(p, p.length, session.localAddress()));
                sent++;
                // Faster than real time, but never more ahead of the receiving thread than the socket buffer holds:
                // on a loaded machine a burst would otherwise overflow it and lose whole key presses at once, a
                // loss the bench does not mean to add (it models independent loss and reordering only).
                long waitUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
                while (sent - session.statistics().packetsReceived() > 48 && System.nanoTime() < waitUntil) {
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
                }
            }
            Thread.sleep(2000); // the last press may end by the one-second timeout
            stats = session.statistics();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String pressed = stream.digits();
        String told;
        synchronized (heard) {
            told = heard.toString();
        }
        int aligned = lcs(pressed, told);
        int duplicates = told.length() - aligned;
        double detected = 100.0 * aligned / pressed.length();
        System.out.printf("  the session received %d of the %d packets that were not lost on purpose (%.1f s)%n",
                stats.packetsReceived(), arrived.size(), seconds);
        System.out.printf("  RFC 4733: pressed %d, told %d, detected %.2f %% (goal 100 %%), duplicates %d (goal 0)%n",
                pressed.length(), told.length(), detected, duplicates);
        return aligned == pressed.length() && duplicates == 0;
    }

    private static boolean q24() {
        List<Q24Cases.Case> cases = Q24Cases.all();
        int right = 0;
        long started = System.nanoTime();
        for (Q24Cases.Case c : cases) {
            String heard = Q24Cases.detect(c.audio());
            if (heard.equals(c.expected())) {
                right++;
            } else {
                System.out.printf("  wrong: %s: expected \"%s\", heard \"%s\"%n", c.name(), c.expected(), heard);
            }
        }
        System.out.printf("In-band (ITU-T Q.24 matrix: frequency ±1.5 %% accepted, ±3.5 %% rejected, 40 ms / 20 ms "
                + "tones, 40 ms pause, 10 ms break, twist, level, single tones, speech-like, noise):%n");
        System.out.printf("  cases right %d / %d (goal all), %.0f ms%n", right, cases.size(),
                (System.nanoTime() - started) / 1e6);
        return right == cases.size();
    }

    /** Length of the longest common subsequence, in two rows. */
    private static int lcs(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            char x = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                current[j] = x == b.charAt(j - 1) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static final class Silence implements AudioSource {
        @Override
        public boolean read(short[] frame) {
            java.util.Arrays.fill(frame, (short) 0);
            return true;
        }
    }

    private static final class Discard implements AudioSink {
        @Override
        public void write(short[] frame) {
        }
    }
}
