// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.sohosip.media.DtmfEvent;

/**
 * Writes an RTP stream of key presses as an RFC 4733 sender does: for each press a first packet with the marker
 * bit, a duration update every 20 ms with the event's start timestamp, the end packet three times; long presses
 * in segments of at most 0xFFFF samples; G.711 audio packets in the pauses. Then spoils it as a network may:
 * random loss and reordering. Also used by {@code releng/bench/dtmf}.
 */
public final class Rfc4733Stream {

    /** The audio payload type in the pauses (PCMU). */
    public static final int AUDIO = 0;
    private static final int FRAME = 160;
    private static final int MAX_SEGMENT = 0xFFFF / FRAME * FRAME;

    private final int payloadType;
    private final int ssrc;
    private final List<byte[]> packets = new ArrayList<>();
    private final StringBuilder digits = new StringBuilder();
    private int sequence;
    private long timestamp;

    /**
     * @param payloadType the telephone-event payload type negotiated
     * @param ssrc        the stream's SSRC
     * @param start       the first RTP timestamp and sequence number (to cross the wrap early)
     */
    public Rfc4733Stream(int payloadType, int ssrc, long start) {
        this.payloadType = payloadType;
        this.ssrc = ssrc;
        this.sequence = (int) (start & 0xFFFF);
        this.timestamp = start & 0xFFFFFFFFL;
    }

    /**
     * Adds a key press and the pause after it.
     *
     * @param digit       the key
     * @param millis      how long it is held (a multiple of 20 ms, at least 20)
     * @param pauseFrames audio packets after it
     * @return this
     */
    public Rfc4733Stream press(char digit, int millis, int pauseFrames) {
        int code = DtmfEvent.codeOf(digit);
        long left = millis * 8L;
        boolean first = true;
        while (left > 0) {
            int segment = (int) Math.min(left, MAX_SEGMENT);
            long start = timestamp;
            for (int d = FRAME; d <= segment; d += FRAME) {
                boolean last = d == segment && left == segment;
                packets.add(event(first, start, code, d, last));
                first = false;
                timestamp += FRAME;
            }
            if (left == segment) {
                packets.add(event(false, start, code, segment, true));
                packets.add(event(false, start, code, segment, true));
            }
            left -= segment;
        }
        digits.append(digit);
        for (int i = 0; i < pauseFrames; i++) {
            packets.add(audio());
        }
        return this;
    }

    /** @return the packets so far, in sending order */
    public List<byte[]> packets() {
        return packets;
    }

    /** @return the keys pressed so far */
    public String digits() {
        return digits.toString();
    }

    /**
     * @param packets  packets in sending order
     * @param random   the source of chance
     * @param loss     the share of packets lost (0 to 1)
     * @param reorder  the share of packets that arrive after one to three of the packets sent after them
     * @return the packets in arrival order
     */
    public static List<byte[]> spoil(List<byte[]> packets, Random random, double loss, double reorder) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] p : packets) {
            if (random.nextDouble() >= loss) {
                out.add(p);
            }
        }
        for (int i = out.size() - 1; i >= 0; i--) {
            if (random.nextDouble() < reorder) {
                int to = Math.min(out.size() - 1, i + 1 + random.nextInt(3));
                out.add(to, out.remove(i));
            }
        }
        return out;
    }

    private byte[] event(boolean marker, long start, int code, int duration, boolean end) {
        byte[] p = header(marker, payloadType, start, 4);
        p[12] = (byte) code;
        p[13] = (byte) ((end ? 0x80 : 0) | 10);
        p[14] = (byte) (duration >>> 8);
        p[15] = (byte) duration;
        return p;
    }

    private byte[] audio() {
        byte[] p = header(false, AUDIO, timestamp, FRAME);
        java.util.Arrays.fill(p, 12, p.length, (byte) 0xFF); // µ-law silence
        timestamp += FRAME;
        return p;
    }

    private byte[] header(boolean marker, int type, long ts, int payload) {
        byte[] p = new byte[12 + payload];
        p[0] = (byte) 0x80;
        p[1] = (byte) ((marker ? 0x80 : 0) | type);
        p[2] = (byte) (sequence >>> 8);
        p[3] = (byte) sequence;
        for (int i = 0; i < 4; i++) {
            p[4 + i] = (byte) (ts >>> (24 - 8 * i));
            p[8 + i] = (byte) (ssrc >>> (24 - 8 * i));
        }
        sequence = (sequence + 1) & 0xFFFF;
        return p;
    }
}
