// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

import java.time.Duration;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.media.AudioFrame;
import org.sohosip.media.DtmfEvent;

/**
 * Turns RFC 4733 telephone-event packets into one {@link DtmfEvent} per key press, whatever the network did to
 * them. An event is known by its SSRC and RTP timestamp (all packets of one event carry the event's start time),
 * so the duration updates and the end packets of one press collapse into one digit. The keys of the last
 * {@value #HISTORY} events reported are remembered, so an end packet retransmitted late, or an update that was
 * overtaken by the next event (reordering), never repeats a digit. An event whose end packets were all lost is
 * reported when the next event starts or when its updates stop for a second; a press longer than the 16-bit
 * duration field (about 8 s) arrives as segments (RFC 4733 section 2.5.1.3: each new segment starts where the
 * last one ended, without the marker bit) and is one digit too. Thread-safe: packets come from the network
 * thread, {@link #tick} from the clock thread.
 */
public final class DtmfReceiver {

    static final int HISTORY = 32;
    private static final long TIMEOUT_NANOS = 1_000_000_000L;
    /** A segment that ends this close to the field's limit may be continued by the next one. */
    private static final int SEGMENT_FULL = 0xFFFF - 2 * AudioFrame.SAMPLES;

    private final Consumer<DtmfEvent> listener;
    private final long[] history = new long[HISTORY];
    private int historySize;
    private int historyNext;
    private boolean active;
    private int ssrc;
    private long ts;
    private int code;
    private int duration;
    /** Samples of the earlier segments of a long press. */
    private long earlierSegments;
    private int volume;
    private long lastUpdateNanos;
    /** The last event reported, for a long press whose segment carried the E bit before the next segment came. */
    private boolean hasLast;
    private int lastSsrc;
    private long lastTs;
    private int lastCode;
    private int lastDuration;
    private long events;

    /** @param listener told of each digit once */
    public DtmfReceiver(Consumer<DtmfEvent> listener) {
        this.listener = listener;
    }

    /**
     * Reads one telephone-event packet.
     *
     * @param packet   the datagram
     * @param offset   where the RTP packet starts
     * @param length   its length
     * @param nowNanos {@link System#nanoTime()}
     */
    public void packet(byte[] packet, int offset, int length, long nowNanos) {
        if (!Rtp.isRtp(packet, offset, length) || Rtp.payloadLength(packet, offset, length) < 4) {
            return;
        }
        int payload = offset + Rtp.headerLength(packet, offset, length);
        int packetSsrc = Rtp.ssrc(packet, offset);
        long packetTs = Rtp.timestamp(packet, offset);
        boolean marker = Rtp.marker(packet, offset);
        int packetCode = packet[payload] & 0xFF;
        boolean end = (packet[payload + 1] & 0x80) != 0;
        int packetVolume = packet[payload + 1] & 0x3F;
        int packetDuration = ((packet[payload + 2] & 0xFF) << 8) | (packet[payload + 3] & 0xFF);
        DtmfEvent[] out = new DtmfEvent[2];
        synchronized (this) {
            accept(packetSsrc, packetTs, marker, packetCode, end, packetVolume, packetDuration, nowNanos, out);
        }
        report(out[0]);
        report(out[1]);
    }

    /** Under the lock: puts the digits to report (at most two: one ended by this packet's arrival, and this one). */
    private void accept(int packetSsrc, long packetTs, boolean marker, int packetCode, boolean end, int packetVolume,
            int packetDuration, long nowNanos, @Nullable DtmfEvent[] out) {
        if (reported(packetSsrc, packetTs)) {
            return; // a retransmitted end packet, or a late update, of an event already reported
        }
        if (active && (packetSsrc != ssrc || packetTs != ts)) {
            if (!marker && continues(packetSsrc, packetTs, packetCode, ssrc, ts, code, duration)) {
                // the next segment of a long press: one digit, its durations add up
                remember(ssrc, ts);
                earlierSegments += duration;
                ts = packetTs;
                duration = 0;
            } else if (packetSsrc == ssrc && (int) (packetTs - ts) < 0) {
                // a straggler of an older press none of whose other packets came: it counts on its own
                remember(packetSsrc, packetTs);
                out[0] = event(packetCode, packetDuration, packetVolume);
                return;
            } else {
                out[0] = finish(); // its end packets were lost
            }
        } else if (!active && !marker && hasLast
                && continues(packetSsrc, packetTs, packetCode, lastSsrc, lastTs, lastCode, lastDuration)) {
            remember(packetSsrc, packetTs); // a segment after one that carried the E bit: still the same press
            lastTs = packetTs;
            lastDuration = packetDuration;
            return;
        }
        if (!active) {
            active = true;
            ssrc = packetSsrc;
            ts = packetTs;
            code = packetCode;
            duration = 0;
            earlierSegments = 0;
        }
        duration = Math.max(duration, packetDuration);
        volume = packetVolume;
        lastUpdateNanos = nowNanos;
        if (end) {
            out[1] = finish();
        }
    }

    /**
     * Reports an event whose updates stopped without an end packet.
     *
     * @param nowNanos {@link System#nanoTime()}
     */
    public void tick(long nowNanos) {
        DtmfEvent timedOut = null;
        synchronized (this) {
            if (active && nowNanos - lastUpdateNanos > TIMEOUT_NANOS) {
                timedOut = finish();
            }
        }
        report(timedOut);
    }

    /** @return events reported */
    public synchronized long events() {
        return events;
    }

    private static boolean continues(int nextSsrc, long nextTs, int nextCode, int prevSsrc, long prevTs, int prevCode,
            int prevDuration) {
        long gap = (nextTs - prevTs - prevDuration) & 0xFFFFFFFFL;
        return nextSsrc == prevSsrc && nextCode == prevCode && prevDuration >= SEGMENT_FULL
                && (gap <= AudioFrame.SAMPLES || gap >= 0x1_0000_0000L - AudioFrame.SAMPLES);
    }

    private @Nullable DtmfEvent finish() {
        active = false;
        remember(ssrc, ts);
        hasLast = true;
        lastSsrc = ssrc;
        lastTs = ts;
        lastCode = code;
        lastDuration = duration;
        return event(code, earlierSegments + duration, volume);
    }

    private @Nullable DtmfEvent event(int eventCode, long samples, int eventVolume) {
        char digit = DtmfEvent.digitOfCode(eventCode);
        if (digit == 0) {
            return null; // a tone or line event other than a digit: not ours to report
        }
        events++;
        return new DtmfEvent(digit, Duration.ofMillis(samples * 1000L / AudioFrame.SAMPLE_RATE), eventVolume);
    }

    private boolean reported(int eventSsrc, long eventTs) {
        long key = key(eventSsrc, eventTs);
        for (int i = 0; i < historySize; i++) {
            if (history[i] == key) {
                return true;
            }
        }
        return false;
    }

    private void remember(int eventSsrc, long eventTs) {
        history[historyNext] = key(eventSsrc, eventTs);
        historyNext = (historyNext + 1) % HISTORY;
        historySize = Math.min(HISTORY, historySize + 1);
    }

    private static long key(int eventSsrc, long eventTs) {
        return ((long) eventSsrc << 32) | (eventTs & 0xFFFFFFFFL);
    }

    private void report(@Nullable DtmfEvent event) {
        if (event != null) {
            listener.accept(event);
        }
    }
}
