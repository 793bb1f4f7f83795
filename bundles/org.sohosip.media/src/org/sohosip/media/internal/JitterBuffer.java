// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

import java.util.Map;
import java.util.TreeMap;

import org.sohosip.media.AudioFrame;

/**
 * The adaptive jitter buffer between the network and the sink. Packets are ordered by their RTP timestamp
 * (extended over the 32-bit wrap; for audio it advances with the sequence number, and unlike the sequence number
 * it also says where a packet of any length belongs), so reordering is undone and duplicates are recognised.
 * The play-out clock takes one 20 ms frame per tick.
 * <p>
 * The delay adapts to the interarrival jitter (RFC 3550 estimator): the target is one frame plus three times the
 * jitter in whole frames, between 20 and 200 ms. A frame that is missing while the buffer is empty stalls the play-out (the delay
 * grows by a frame and the late packet still plays); a frame missing while later ones wait is lost and concealed.
 * When the buffer kept a whole frame more than the target for a second, one frame is dropped to shrink the delay.
 * Concealment repeats the last frame with a fade for three frames, then plays silence. A new SSRC, or a timestamp
 * jump of more than a second, starts over. Thread-safe (packets arrive on the network thread, frames leave on the
 * clock thread).
 */
public final class JitterBuffer {

    /** What {@link #take} produced. */
    public enum Playout {
        /** Received audio. */
        PLAYED,
        /** A substitute for a missing frame. */
        CONCEALED,
        /** Nothing to play (not started, or the peer stopped sending). */
        IDLE
    }

    static final int FRAME = AudioFrame.SAMPLES;
    static final int MAX_DELAY = 200 * AudioFrame.SAMPLE_RATE / 1000;
    private static final int RESYNC = AudioFrame.SAMPLE_RATE;
    private static final int CONCEAL_FRAMES = 3;
    private static final int STALL_LIMIT = 10;
    private static final int SHRINK_WINDOW = 50;
    private static final int CAPACITY = 100;

    private final TreeMap<Long, short[]> packets = new TreeMap<>();
    private final short[] last = new short[FRAME];
    private boolean hasSource;
    private int ssrc;
    private long highestTs;
    private boolean jitterPrimed;
    private long lastTransit;
    private double jitter;
    private boolean playing;
    private long nextTs;
    private int stallRun;
    private int concealRun;
    private long windowMin = Long.MAX_VALUE;
    private int windowTicks;
    private long discarded;
    private long dropped;
    private long concealed;
    private long played;

    /**
     * Adds a packet's decoded samples.
     *
     * @param packetSsrc   the packet's SSRC
     * @param timestamp    its RTP timestamp (32 bits)
     * @param samples      its samples (kept, not copied)
     * @param arrivalNanos when it arrived, {@link System#nanoTime()}
     * @return {@code false} when it was discarded (late or duplicate)
     */
    public synchronized boolean put(int packetSsrc, long timestamp, short[] samples, long arrivalNanos) {
        if (!hasSource || packetSsrc != ssrc) {
            reset();
            hasSource = true;
            ssrc = packetSsrc;
            highestTs = timestamp & 0xFFFFFFFFL;
        }
        long ts = unwrap(timestamp);
        updateJitter(ts, arrivalNanos);
        long end = ts + samples.length;
        if (playing && end <= nextTs - RESYNC) {
            reset(); // the sender's clock went back: start over rather than discard everything
            highestTs = ts;
        } else if (playing && end <= nextTs) {
            discarded++;
            return false;
        }
        if (packets.putIfAbsent(ts, samples) != null) {
            discarded++;
            return false;
        }
        while (packets.size() > CAPACITY) {
            packets.pollFirstEntry();
            discarded++;
        }
        return true;
    }

    /**
     * Produces the next 20 ms frame.
     *
     * @param out a frame to fill
     * @return what it is
     */
    public synchronized Playout take(short[] out) {
        if (!playing && !startPlaying()) {
            java.util.Arrays.fill(out, (short) 0);
            return Playout.IDLE;
        }
        Playout result;
        if (fill(out)) {
            result = played(out);
        } else if (packets.isEmpty()) {
            conceal(out);
            result = Playout.CONCEALED;
            if (++stallRun >= STALL_LIMIT) {
                playing = false; // the peer stopped sending (hold, a DTMF event, silence suppression)
            }
        } else if (stallRun > 0 || packets.firstKey() - nextTs > MAX_DELAY) {
            // After a pause the sender's timeline moved on: continue from its first packet, no loss.
            nextTs = packets.firstKey();
            fill(out);
            result = played(out);
        } else {
            conceal(out);
            result = Playout.CONCEALED;
            nextTs += FRAME;
        }
        purge();
        adapt();
        return result;
    }

    private boolean startPlaying() {
        if (packets.isEmpty() || bufferedFrom(packets.firstKey()) < targetDelay()) {
            return false;
        }
        playing = true;
        nextTs = packets.firstKey();
        // Packets that queued up before play-out began (the socket was open before the call was answered) would
        // otherwise become permanent delay: start at the target instead and drop the older ones.
        Long late = packets.floorKey(packets.lastKey() + packets.lastEntry().getValue().length - targetDelay());
        if (late != null && late > nextTs) {
            nextTs = late;
            long before = packets.size();
            purge();
            dropped += before - packets.size();
        }
        stallRun = 0;
        concealRun = 0;
        windowMin = Long.MAX_VALUE;
        windowTicks = 0;
        return true;
    }

    /** Copies every buffered sample that falls in [nextTs, nextTs + FRAME). */
    private boolean fill(short[] out) {
        boolean any = false;
        java.util.Arrays.fill(out, (short) 0);
        Long from = packets.floorKey(nextTs);
        Map<Long, short[]> range = packets.subMap(from == null ? nextTs : from, true, nextTs + FRAME, false);
        for (Map.Entry<Long, short[]> entry : range.entrySet()) {
            long start = entry.getKey();
            short[] samples = entry.getValue();
            long copyFrom = Math.max(start, nextTs);
            long copyTo = Math.min(start + samples.length, nextTs + FRAME);
            if (copyTo > copyFrom) {
                System.arraycopy(samples, (int) (copyFrom - start), out, (int) (copyFrom - nextTs),
                        (int) (copyTo - copyFrom));
                any = true;
            }
        }
        return any;
    }

    private Playout played(short[] out) {
        System.arraycopy(out, 0, last, 0, FRAME);
        nextTs += FRAME;
        stallRun = 0;
        concealRun = 0;
        played++;
        return Playout.PLAYED;
    }

    private void conceal(short[] out) {
        concealRun++;
        concealed++;
        if (concealRun > CONCEAL_FRAMES) {
            java.util.Arrays.fill(out, (short) 0);
            return;
        }
        // Fade the repeated frame out over the concealment run so a long gap does not buzz.
        double from = 1.0 - (concealRun - 1) / (double) CONCEAL_FRAMES;
        double to = 1.0 - concealRun / (double) CONCEAL_FRAMES;
        for (int i = 0; i < FRAME; i++) {
            double gain = from + (to - from) * i / FRAME;
            out[i] = (short) (last[i] * gain);
        }
    }

    private void purge() {
        while (!packets.isEmpty()) {
            Map.Entry<Long, short[]> first = packets.firstEntry();
            if (first.getKey() + first.getValue().length > nextTs) {
                break;
            }
            packets.pollFirstEntry();
        }
    }

    private void adapt() {
        if (!playing) {
            return;
        }
        long headroom = bufferedFrom(nextTs);
        if (headroom > MAX_DELAY) {
            // A burst after a network stall: catch up at once instead of keeping the delay for ever.
            while (bufferedFrom(nextTs) > targetDelay()) {
                dropFrame();
            }
            windowMin = Long.MAX_VALUE;
            windowTicks = 0;
            return;
        }
        windowMin = Math.min(windowMin, headroom);
        if (++windowTicks >= SHRINK_WINDOW) {
            // The buffer never fell below this level for the whole window: the frames above the target's
            // headroom were never needed, so drop them (at once: one short glitch beats a second of extra delay).
            long excess = (windowMin - (targetDelay() - FRAME)) / FRAME;
            for (long i = 0; i < excess; i++) {
                dropFrame();
            }
            windowMin = Long.MAX_VALUE;
            windowTicks = 0;
        }
    }

    private void dropFrame() {
        long before = packets.size();
        nextTs += FRAME;
        purge();
        dropped += before - packets.size();
    }

    private long bufferedFrom(long ts) {
        if (packets.isEmpty()) {
            return 0;
        }
        Map.Entry<Long, short[]> newest = packets.lastEntry();
        return newest.getKey() + newest.getValue().length - ts;
    }

    private long unwrap(long timestamp) {
        long ts32 = timestamp & 0xFFFFFFFFL;
        long ext = highestTs + (int) (ts32 - (highestTs & 0xFFFFFFFFL));
        if (ext > highestTs) {
            highestTs = ext;
        }
        return ext;
    }

    private void updateJitter(long ts, long arrivalNanos) {
        long arrival = arrivalNanos / (1_000_000_000L / AudioFrame.SAMPLE_RATE);
        long transit = arrival - ts;
        if (jitterPrimed) {
            long d = Math.abs(transit - lastTransit);
            if (d < RESYNC) { // a timestamp jump is not jitter
                jitter += (d - jitter) / 16.0;
            }
        }
        lastTransit = transit;
        jitterPrimed = true;
    }

    private void reset() {
        packets.clear();
        playing = false;
        jitterPrimed = false;
        stallRun = 0;
        concealRun = 0;
    }

    /**
     * @return the target delay in samples: a frame, plus three times the jitter rounded up to whole frames
     *         (packets arrive whole, so the buffer level moves in frames), at most 200 ms. Half a frame of that is
     *         absorbed by the phase between arrival and play-out (half a frame on average) and needs no extra frame.
     */
    synchronized int targetDelay() {
        double headroom = 3 * jitter - FRAME / 2.0;
        int frames = headroom <= 0 ? 0 : (int) Math.ceil(headroom / FRAME);
        return Math.min(MAX_DELAY, FRAME * (1 + frames));
    }

    /** @return the target delay in milliseconds */
    public synchronized int targetDelayMillis() {
        return targetDelay() * 1000 / AudioFrame.SAMPLE_RATE;
    }

    /** @return the interarrival jitter estimate in milliseconds */
    public synchronized double jitterMillis() {
        return jitter * 1000.0 / AudioFrame.SAMPLE_RATE;
    }

    /** @return packets discarded because they came too late, twice, or overflowed the buffer */
    public synchronized long discarded() {
        return discarded;
    }

    /** @return packets dropped to shrink the delay (at start-up, after a burst, when the jitter went down) */
    public synchronized long dropped() {
        return dropped;
    }

    /** @return frames played as concealment */
    public synchronized long concealed() {
        return concealed;
    }

    /** @return frames played from received audio */
    public synchronized long played() {
        return played;
    }

    /** @return samples buffered beyond the play-out point */
    public synchronized long buffered() {
        return playing ? bufferedFrom(nextTs) : bufferedFrom(packets.isEmpty() ? 0 : packets.firstKey());
    }
}
