// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

import java.util.ArrayDeque;
import java.util.Deque;

import org.sohosip.media.AudioFrame;
import org.sohosip.media.DtmfEvent;

/**
 * Sends RFC 4733 events by taking the place of outgoing audio packets: while a digit is held, every 20 ms audio
 * packet FMJ sends is rewritten into a telephone-event packet with the same SSRC and sequence number, the event's
 * start timestamp, and the duration so far (the first one with the marker bit). The last one carries the E bit
 * and is sent three times, in the next three packet slots, as RFC 4733 section 2.5.1.4 asks; two audio packets
 * follow before the next queued digit. Thread-safe.
 */
public final class DtmfSender {

    /** Longest event: the 16-bit duration field holds about 8 s at 8 kHz. */
    static final int MAX_DURATION = 0xFFFF / AudioFrame.SAMPLES * AudioFrame.SAMPLES;
    private static final int MIN_DURATION = 2 * AudioFrame.SAMPLES;
    private static final int END_PACKETS = 3;
    private static final int GAP_PACKETS = 2;
    private static final int VOLUME = 10;

    private record Pending(int code, int duration) {
    }

    private final Deque<Pending> queue = new ArrayDeque<>();
    private Pending current;
    private long startTs;
    private int sent;
    private int endsSent;
    private int gap;

    /**
     * Queues a digit.
     *
     * @param digit      a DTMF digit
     * @param durationMs how long to hold it
     */
    public synchronized void queue(char digit, long durationMs) {
        long samples = durationMs * AudioFrame.SAMPLE_RATE / 1000;
        int duration = (int) Math.max(MIN_DURATION, Math.min(MAX_DURATION, samples));
        queue.add(new Pending(DtmfEvent.codeOf(digit), duration));
    }

    /** @return whether a digit is being sent or waits */
    public synchronized boolean busy() {
        return current != null || !queue.isEmpty();
    }

    /**
     * Gives the packet to send in place of an outgoing audio packet.
     *
     * @param packet      the audio packet FMJ built (header without CSRCs)
     * @param payloadType the negotiated telephone-event payload type
     * @return the packet to send: the same array when no event is due, else a new 16-byte event packet
     */
    public synchronized byte[] rewrite(byte[] packet, int payloadType) {
        if (current == null) {
            if (gap > 0) {
                gap--;
                return packet;
            }
            current = queue.poll();
            if (current == null) {
                return packet;
            }
            startTs = Rtp.timestamp(packet, 0);
            sent = 0;
            endsSent = 0;
        }
        byte[] event = new byte[Rtp.HEADER + 4];
        int duration = Math.min(current.duration(), (sent + 1) * AudioFrame.SAMPLES);
        boolean end = duration >= current.duration();
        Rtp.writeHeader(event, sent == 0, payloadType, Rtp.sequence(packet, 0), startTs, Rtp.ssrc(packet, 0));
        event[Rtp.HEADER] = (byte) current.code();
        event[Rtp.HEADER + 1] = (byte) ((end ? 0x80 : 0) | VOLUME);
        event[Rtp.HEADER + 2] = (byte) (duration >>> 8);
        event[Rtp.HEADER + 3] = (byte) duration;
        sent++;
        if (end && ++endsSent >= END_PACKETS) {
            current = null;
            gap = GAP_PACKETS;
        }
        return event;
    }
}
