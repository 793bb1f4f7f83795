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
 * The delay adapts to the interarrival jitter (RFC 3550 estimator): the target is one frame plus twice the
 * jitter in whole frames (no more: a packet later than that stalls the play-out for a frame rather than being lost, so
 * the target trades glitches against delay, never loss), between 20 and 200 ms. A frame that is missing while the
 * buffer is empty stalls the play-out (the delay grows by a frame and the late packet still plays); a frame missing
 * while later ones wait is lost and concealed.
 * When the buffer kept a whole frame more than the target for a second, one frame is dropped to shrink the delay;
 * if that frame turns out to be needed soon after, the next shrink waits twice as long (up to 4 s). Two or more
 * spare frames for 200 ms (a burst after a stall) are given back at once, down to one spare frame. Finer than
 * frames, the play-out clock's phase follows the stream: {@link #takePhaseCorrection()} asks for earlier ticks
 * when every packet of the last 200 ms waited longer than {@link #wantedSlack()}, by all of the spare wait (up to a
 * frame): the frame a stall added is given back within a fifth of a second, not kept for seconds.
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
    private static final int MAX_SHRINK_WINDOW = 200;
    private static final int FAST_WINDOW = 10;
    private static final int CAPACITY = 100;
    private static final long NO_TIME = Long.MIN_VALUE;
    private static final long MS = 1_000_000L;
    private static final long MAX_PHASE_STEP = 20 * MS;
    private static final int PHASE_WINDOW = 10;

    /** A packet's samples and when it arrived. */
    private record Packet(short[] samples, long arrival) {
    }

    private final TreeMap<Long, Packet> packets = new TreeMap<>();
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
    private int shrinkWindow = SHRINK_WINDOW;
    private long fastMin = Long.MAX_VALUE;
    private int fastTicks;
    private long ticksSinceShrink = Long.MAX_VALUE / 2;
    private long now = NO_TIME;
    private long slackMin = Long.MAX_VALUE;
    private long phaseCorrection;
    private int phaseTicks;
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
        if (packets.putIfAbsent(ts, new Packet(samples, arrivalNanos)) != null) {
            discarded++;
            return false;
        }
        while (packets.size() > CAPACITY) {
            packets.pollFirstEntry();
            discarded++;
        }
        notifyAll();
        return true;
    }

    /**
     * Produces the next 20 ms frame.
     *
     * @param out a frame to fill
     * @return what it is
     */
    public synchronized Playout take(short[] out) {
        return take(out, NO_TIME);
    }

    /**
     * Produces the next 20 ms frame, noting how long the played packet waited (for the clock's phase).
     *
     * @param out      a frame to fill
     * @param nowNanos {@link System#nanoTime()} of the play-out tick
     * @return what it is
     */
    public synchronized Playout take(short[] out, long nowNanos) {
        this.now = nowNanos;
        if (!playing && !startPlaying()) {
            java.util.Arrays.fill(out, (short) 0);
            return Playout.IDLE;
        }
        Playout result;
        if (fill(out)) {
            result = played(out);
        } else if (packets.isEmpty()) {
            if (stallRun == 0 && ticksSinceShrink < 2L * shrinkWindow) {
                // The frame given back at the last shrink was needed after all: wait twice as long next time, so a
                // busy machine does not cycle between stalling and dropping (each costs an audible glitch).
                shrinkWindow = Math.min(2 * shrinkWindow, MAX_SHRINK_WINDOW);
            }
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
        Long late = packets.floorKey(bufferedFrom(0) - targetDelay());
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
        fastMin = Long.MAX_VALUE;
        fastTicks = 0;
        return true;
    }

    /** Copies every buffered sample that falls in [nextTs, nextTs + FRAME). */
    private boolean fill(short[] out) {
        boolean any = false;
        java.util.Arrays.fill(out, (short) 0);
        Long from = packets.floorKey(nextTs);
        Map<Long, Packet> range = packets.subMap(from == null ? nextTs : from, true, nextTs + FRAME, false);
        for (Map.Entry<Long, Packet> entry : range.entrySet()) {
            long start = entry.getKey();
            short[] samples = entry.getValue().samples();
            long copyFrom = Math.max(start, nextTs);
            long copyTo = Math.min(start + samples.length, nextTs + FRAME);
            if (copyTo > copyFrom) {
                System.arraycopy(samples, (int) (copyFrom - start), out, (int) (copyFrom - nextTs),
                        (int) (copyTo - copyFrom));
                if (!any && now != NO_TIME) {
                    slackMin = Math.min(slackMin, now - entry.getValue().arrival());
                }
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
            Map.Entry<Long, Packet> first = packets.firstEntry();
            if (first.getKey() + first.getValue().samples().length > nextTs) {
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
        fastMin = Math.min(fastMin, headroom);
        ticksSinceShrink++;
        if (++phaseTicks >= PHASE_WINDOW) {
            if (slackMin != Long.MAX_VALUE && slackMin > wantedSlack() + MS) {
                // Every packet of the last 200 ms waited at least this long for its tick: tick earlier. This
                // also uses up a spare frame within a second or so without dropping any audio.
                phaseCorrection = -Math.min(MAX_PHASE_STEP, slackMin - wantedSlack());
            }
            slackMin = Long.MAX_VALUE;
            phaseTicks = 0;
        }
        if (++fastTicks >= FAST_WINDOW) {
            // Two or more spare frames for 200 ms: a burst after the sender (or the network) stalled while the
            // play-out waited. Give back all but one at once instead of carrying the delay for seconds.
            long spare = (fastMin - (targetDelay() - FRAME)) / FRAME;
            for (long i = 1; i < spare; i++) {
                dropFrame();
            }
            fastMin = Long.MAX_VALUE;
            fastTicks = 0;
        }
        if (++windowTicks >= shrinkWindow) {
            // The buffer never fell below this level for the whole window: the frames above the target's
            // headroom were never needed, so drop them (at once: one short glitch beats a second of extra delay).
            long excess = (windowMin - (targetDelay() - FRAME)) / FRAME;
            for (long i = 0; i < excess; i++) {
                dropFrame();
            }
            if (excess > 0) {
                ticksSinceShrink = 0;
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
        Map.Entry<Long, Packet> newest = packets.lastEntry();
        return newest.getKey() + newest.getValue().samples().length - ts;
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
     * @return the target delay in samples: a frame, plus twice the jitter rounded up to whole frames
     *         (packets arrive whole, so the buffer level moves in frames), at most 200 ms. Half a frame of that is
     *         absorbed by the phase between arrival and play-out (half a frame on average) and needs no extra frame.
     */
    synchronized int targetDelay() {
        double headroom = 2 * jitter - FRAME / 2.0;
        int frames = headroom <= 0 ? 0 : (int) Math.ceil(headroom / FRAME);
        return Math.min(MAX_DELAY, FRAME * (1 + frames));
    }

    /** @return how long a packet should at least wait for its tick: 3 ms, or twice the jitter, at most 15 ms */
    public synchronized long wantedSlack() {
        return Math.min(15 * MS, Math.max(3 * MS, (long) (2 * jitter * MS * 1000 / AudioFrame.SAMPLE_RATE)));
    }

    /**
     * Waits until a packet is buffered, or the deadline passes, when play-out runs dry; the clock calls this at
     * a tick whose frame has not arrived, so a packet that is only a few milliseconds late still plays in time.
     *
     * @param deadlineNanos {@link System#nanoTime()} to give up at
     * @return whether a packet is buffered
     * @throws InterruptedException when the clock is stopped
     */
    public synchronized boolean awaitPacket(long deadlineNanos) throws InterruptedException {
        while (playing && packets.isEmpty()) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(left / MS, (int) (left % MS));
        }
        return !packets.isEmpty();
    }

    /** @return whether play-out waits for a packet that has not come (the clock may wait a little for it) */
    public synchronized boolean starved() {
        return playing && packets.isEmpty();
    }

    /**
     * @return by how much the clock should move its next tick (negative: earlier) so that packets wait no longer
     *         than they must; taken once
     */
    public synchronized long takePhaseCorrection() {
        long correction = phaseCorrection;
        phaseCorrection = 0;
        return correction;
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
