// SPDX-License-Identifier: EPL-2.0
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.sohosip.media.AudioFrame;
import org.sohosip.media.AudioSink;
import org.sohosip.media.AudioSource;
import org.sohosip.media.Codec;
import org.sohosip.media.MediaParameters;
import org.sohosip.media.MediaSession;
import org.sohosip.media.MediaStatistics;
import org.sohosip.media.internal.Goertzel;
import org.sohosip.media.internal.MediaSessionsComponent;

/**
 * One call's media path on loopback, both directions flowing. Side A sends a quiet 1 kHz tone with a loud
 * 2 kHz marker frame once a second; side B's sink notices each marker. The time from A's session reading the
 * marker frame to B's session writing it to its sink is the receive path's added delay (send stack, loopback,
 * jitter buffer, play-out clock phase); packetization adds one frame (20 ms: a microphone frame's first sample is
 * that old when the frame is read). Loss is counted from RTP sequence numbers and from what was sent.
 */
public final class MediaBench {

    private static final int MARKER_EVERY = 50;
    private static final double[] MARKER_HZ = {1500, 1800, 2100, 2400, 2700};

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Codec codec = args.length > 1 ? Codec.valueOf(args[1]) : Codec.PCMU;
        MediaSessionsComponent sessions = new MediaSessionsComponent(20000, 40000);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        ConcurrentLinkedQueue<long[]> markersSent = new ConcurrentLinkedQueue<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong markerMismatch = new AtomicLong();
        long cpuStart = cpuNanos();
        try (MediaSession a = sessions.open(loopback); MediaSession b = sessions.open(loopback)) {
            AudioSource markerSource = new AudioSource() {
                private long frame;
                private long position;

                @Override
                public boolean read(short[] out) {
                    long index = frame / MARKER_EVERY;
                    boolean marker = frame++ % MARKER_EVERY == MARKER_EVERY - 1;
                    double hz = marker ? MARKER_HZ[(int) (index % MARKER_HZ.length)] : 1000;
                    double amplitude = marker ? 16000 : 300;
                    for (int i = 0; i < out.length; i++, position++) {
                        out[i] = (short) (amplitude * Math.sin(2 * Math.PI * hz * position / AudioFrame.SAMPLE_RATE));
                    }
                    if (marker) {
                        markersSent.add(new long[] {index, System.nanoTime()});
                    }
                    return true;
                }
            };
            AudioSink markerSink = new AudioSink() {
                @Override
                public void write(short[] frame) {
                    long now = System.nanoTime();
                    if (Goertzel.levelDbfs(frame) < -12) {
                        return;
                    }
                    for (int r = 0; r < MARKER_HZ.length; r++) {
                        if (Goertzel.relativePower(frame, MARKER_HZ[r]) > 0.8) {
                            // The oldest marker sent with this frequency; older ones that never came were lost.
                            long[] sent;
                            while ((sent = markersSent.peek()) != null && sent[0] % MARKER_HZ.length != r) {
                                markersSent.poll();
                                markerMismatch.incrementAndGet();
                            }
                            if (markersSent.poll() != null) {
                                latencies.add(now - sent[1]);
                            }
                            return;
                        }
                    }
                }
            };
            // The measured side starts first, as a callee's media is ready before the caller's audio arrives.
            b.start(MediaParameters.of(codec, a.localAddress(), 101), new QuietSource(), markerSink);
            a.start(MediaParameters.of(codec, b.localAddress(), 101), markerSource, new NullSink());
            System.out.printf("media bench: %s, %d s, A %s -> B %s%n", codec, seconds, a.localAddress(),
                    b.localAddress());
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long nextReport = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < end) {
                Thread.sleep(200);
                if (System.nanoTime() >= nextReport) {
                    nextReport += 10_000_000_000L;
                    MediaStatistics s = b.statistics();
                    System.out.printf("  %4.0f s: B received %d, lost %d, late %d, dropped for delay %d, "
                            + "concealed %d, jitter %.2f ms, buffer target %d ms%n",
                            (seconds * 1e9 - (end - System.nanoTime())) / 1e9, s.packetsReceived(), s.packetsLost(),
                            s.packetsLate(), s.framesDropped(), s.framesConcealed(), s.jitterMillis(),
                            s.bufferDelayMillis());
                }
            }
            // Stop sending, let the last packets arrive, then compare.
            a.setSendingPaused(true);
            b.setSendingPaused(true);
            Thread.sleep(300);
            long cpu = cpuNanos() - cpuStart;
            MediaStatistics sa = a.statistics();
            MediaStatistics sb = b.statistics();
            List<Long> sorted;
            synchronized (latencies) {
                sorted = new ArrayList<>(latencies);
            }
            if (System.getenv("MEDIA_BENCH_VERBOSE") != null) {
                System.out.println("latencies in order (ms): " + sorted.stream().map(n -> String.format("%.0f", ms(n)))
                        .collect(java.util.stream.Collectors.joining(" ")));
            }
            Collections.sort(sorted);
            double added50 = ms(percentile(sorted, 50));
            double added95 = ms(percentile(sorted, 95));
            double addedMax = ms(sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
            System.out.println();
            System.out.printf("A sent %d RTP packets; B received %d (sequence-number loss %d, late %d, dropped to "
                    + "shrink the delay %d, concealed frames %d)%n", sa.packetsSent(), sb.packetsReceived(),
                    sb.packetsLost(), sb.packetsLate(), sb.framesDropped(), sb.framesConcealed());
            System.out.printf("B sent %d; A received %d (loss %d)%n", sb.packetsSent(), sa.packetsReceived(),
                    sa.packetsLost());
            System.out.printf("RTCP reports: A sent %d, received %d; B sent %d, received %d%n", sa.rtcpReportsSent(),
                    sa.rtcpReportsReceived(), sb.rtcpReportsSent(), sb.rtcpReportsReceived());
            System.out.printf("jitter at B %.2f ms, jitter buffer target %d ms%n", sb.jitterMillis(),
                    sb.bufferDelayMillis());
            System.out.printf("markers: %d measured, %d never played (dropped or lost)%n", sorted.size(), markerMismatch.get());
            System.out.printf("receive path (send stack + loopback + jitter buffer + play-out): median %.1f ms, "
                    + "95th %.1f ms, max %.1f ms%n", added50, added95, addedMax);
            System.out.printf("one-way added latency incl. 20 ms packetization: median %.1f ms, 95th %.1f ms "
                    + "(goal < 60 ms)%n", added50 + AudioFrame.MILLIS, added95 + AudioFrame.MILLIS);
            System.out.printf("CPU for both call ends: %.1f ms per second of call%n", cpu / 1e6 / seconds);
            long lost = sa.packetsSent() - sb.packetsReceived();
            boolean ok = lost == 0 && sb.packetsLost() == 0 && sb.packetsLate() == 0
                    && added95 + AudioFrame.MILLIS < 60;
            System.out.println(ok ? "RESULT: PASS (zero loss, latency under 60 ms)"
                    : "RESULT: FAIL (lost " + lost + ", latency 95th " + (added95 + AudioFrame.MILLIS) + " ms)");
            if (!ok) {
                System.exit(1);
            }
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static final class NullSink implements AudioSink {
        @Override
        public void write(short[] frame) {
        }
    }

    private static final class QuietSource implements AudioSource {
        @Override
        public boolean read(short[] frame) {
            java.util.Arrays.fill(frame, (short) 0);
            return true;
        }
    }
}
