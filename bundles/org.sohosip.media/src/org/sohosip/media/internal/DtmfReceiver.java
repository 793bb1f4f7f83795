// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

import java.time.Duration;
import java.util.function.Consumer;

import org.sohosip.media.AudioFrame;
import org.sohosip.media.DtmfEvent;

/**
 * Turns RFC 4733 telephone-event packets into one {@link DtmfEvent} per key press. An event is known by its RTP
 * timestamp (all packets of one event carry the event's start time), so the duration updates and the three end
 * packets of one press collapse into one digit, and an end packet retransmitted late never repeats it. An event
 * whose end packets were all lost is reported when the next event starts or when its updates stop for a second.
 * Thread-safe: packets come from the network thread, {@link #tick} from the clock thread.
 */
public final class DtmfReceiver {

    private static final long TIMEOUT_NANOS = 1_000_000_000L;

    private final Consumer<DtmfEvent> listener;
    private boolean active;
    private int activeSsrc;
    private long activeTs;
    private int activeCode;
    private int activeDuration;
    private int activeVolume;
    private long lastUpdateNanos;
    private boolean hasEnded;
    private int endedSsrc;
    private long endedTs;
    private long events;

    /** @param listener told of each digit once */
    public DtmfReceiver(Consumer<DtmfEvent> listener) {
        this.listener = listener;
    }

    /**
     * Reads one telephone-event packet.
     *
     * @param packet      the datagram
     * @param offset      where the RTP packet starts
     * @param length      its length
     * @param nowNanos    {@link System#nanoTime()}
     */
    public void packet(byte[] packet, int offset, int length, long nowNanos) {
        int payload = offset + Rtp.headerLength(packet, offset, length);
        if (Rtp.payloadLength(packet, offset, length) < 4) {
            return;
        }
        int ssrc = Rtp.ssrc(packet, offset);
        long ts = Rtp.timestamp(packet, offset);
        int code = packet[payload] & 0xFF;
        boolean end = (packet[payload + 1] & 0x80) != 0;
        int volume = packet[payload + 1] & 0x3F;
        int duration = ((packet[payload + 2] & 0xFF) << 8) | (packet[payload + 3] & 0xFF);
        DtmfEvent finished = null;
        DtmfEvent previous = null;
        synchronized (this) {
            if (hasEnded && ssrc == endedSsrc && ts == endedTs) {
                return; // a retransmitted end packet, or a late update, of an event already reported
            }
            if (active && (ssrc != activeSsrc || ts != activeTs)) {
                previous = finish(); // its end packets were lost
            }
            if (!active) {
                active = true;
                activeSsrc = ssrc;
                activeTs = ts;
                activeCode = code;
                activeDuration = 0;
            }
            activeDuration = Math.max(activeDuration, duration);
            activeVolume = volume;
            lastUpdateNanos = nowNanos;
            if (end) {
                finished = finish();
            }
        }
        report(previous);
        report(finished);
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

    private DtmfEvent finish() {
        active = false;
        hasEnded = true;
        endedSsrc = activeSsrc;
        endedTs = activeTs;
        char digit = DtmfEvent.digitOfCode(activeCode);
        if (digit == 0) {
            return null; // a tone or line event other than a digit: not ours to report
        }
        events++;
        return new DtmfEvent(digit, Duration.ofMillis(activeDuration * 1000L / AudioFrame.SAMPLE_RATE),
                activeVolume);
    }

    private void report(DtmfEvent event) {
        if (event != null) {
            listener.accept(event);
        }
    }
}
