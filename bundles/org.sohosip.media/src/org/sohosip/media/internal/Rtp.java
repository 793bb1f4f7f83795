// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

/**
 * Reads and writes the fixed RTP header (RFC 3550 section 5.1) in place. FMJ builds the packets we send; we only
 * look inside them (and rewrite some into RFC 4733 events) on their way through the connector.
 */
final class Rtp {

    static final int HEADER = 12;

    private Rtp() {
    }

    /** @return whether the bytes look like an RTP packet (version 2, room for the header and CSRCs) */
    static boolean isRtp(byte[] p, int off, int len) {
        return len >= HEADER && (p[off] & 0xC0) == 0x80 && headerLength(p, off, len) <= len;
    }

    /** @return whether an RTP-looking datagram is in fact RTCP (payload types 200-211 share the byte, RFC 5761) */
    static boolean isRtcp(byte[] p, int off, int len) {
        int pt = p[off + 1] & 0xFF;
        return len >= 8 && pt >= 200 && pt <= 211;
    }

    static int payloadType(byte[] p, int off) {
        return p[off + 1] & 0x7F;
    }

    static boolean marker(byte[] p, int off) {
        return (p[off + 1] & 0x80) != 0;
    }

    static int sequence(byte[] p, int off) {
        return ((p[off + 2] & 0xFF) << 8) | (p[off + 3] & 0xFF);
    }

    static long timestamp(byte[] p, int off) {
        return readInt(p, off + 4) & 0xFFFFFFFFL;
    }

    static int ssrc(byte[] p, int off) {
        return readInt(p, off + 8);
    }

    /** @return the header length including CSRCs and the header extension */
    static int headerLength(byte[] p, int off, int len) {
        int length = HEADER + 4 * (p[off] & 0x0F);
        if ((p[off] & 0x10) != 0 && length + 4 <= len) {
            length += 4 + 4 * (((p[off + length + 2] & 0xFF) << 8) | (p[off + length + 3] & 0xFF));
        }
        return length;
    }

    /** @return the payload length without padding (RFC 3550 P bit) */
    static int payloadLength(byte[] p, int off, int len) {
        int padding = (p[off] & 0x20) != 0 ? p[off + len - 1] & 0xFF : 0;
        return Math.max(0, len - headerLength(p, off, len) - padding);
    }

    static int readInt(byte[] p, int at) {
        return ((p[at] & 0xFF) << 24) | ((p[at + 1] & 0xFF) << 16) | ((p[at + 2] & 0xFF) << 8) | (p[at + 3] & 0xFF);
    }

    static void writeInt(byte[] p, int at, long value) {
        p[at] = (byte) (value >>> 24);
        p[at + 1] = (byte) (value >>> 16);
        p[at + 2] = (byte) (value >>> 8);
        p[at + 3] = (byte) value;
    }

    /** Writes a whole header (no CSRC, no extension) at the start of {@code p}. */
    static void writeHeader(byte[] p, boolean marker, int payloadType, int sequence, long timestamp, int ssrc) {
        p[0] = (byte) 0x80;
        p[1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
        p[2] = (byte) (sequence >>> 8);
        p[3] = (byte) sequence;
        writeInt(p, 4, timestamp);
        writeInt(p, 8, ssrc);
    }
}
