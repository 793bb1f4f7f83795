// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

/**
 * Sequence-number bookkeeping of the peer's RTP stream after RFC 3550 appendix A.1 and A.3: extended highest
 * sequence number, expected and lost packets. Starts over when the peer's SSRC changes. Not thread-safe: the
 * connector's receive thread owns it.
 */
final class ReceptionStats {

    private static final int MAX_DROPOUT = 3000;
    private static final int MAX_MISORDER = 100;
    private static final int SEQ_MOD = 1 << 16;

    private boolean started;
    private int ssrc;
    private int maxSeq;
    private long cycles;
    private int baseSeq;
    private int badSeq = -1;
    private long received;
    private long lostBefore;

    /**
     * Counts one packet.
     *
     * @return {@code false} when the SSRC changed and counting started over
     */
    boolean update(int packetSsrc, int seq) {
        boolean same = started && packetSsrc == ssrc;
        if (!same) {
            boolean had = started;
            lostBefore += had ? lost() : 0;
            start(packetSsrc, seq);
            received = 1;
            return !had;
        }
        int delta = (seq - maxSeq) & 0xFFFF;
        if (delta < MAX_DROPOUT) {
            if (seq < maxSeq) {
                cycles += SEQ_MOD;
            }
            maxSeq = seq;
        } else if (delta <= SEQ_MOD - MAX_MISORDER) {
            // A big jump: the sender restarted. Accept it on the second packet in a row (RFC 3550 A.1).
            if (seq == badSeq) {
                lostBefore += lost();
                start(packetSsrc, seq);
                received = 0;
            } else {
                badSeq = (seq + 1) & 0xFFFF;
                return true;
            }
        }
        received++;
        return true;
    }

    private void start(int packetSsrc, int seq) {
        started = true;
        ssrc = packetSsrc;
        baseSeq = seq;
        maxSeq = seq;
        cycles = 0;
        badSeq = -1;
    }

    /** @return packets expected from the sequence numbers seen so far */
    long expected() {
        return started ? cycles + maxSeq - baseSeq + 1 : 0;
    }

    /** @return cumulative packets lost (never negative; duplicates do not make up for losses elsewhere) */
    long lost() {
        return Math.max(0, expected() - received);
    }

    /** @return lost packets over the life of the session, across SSRC changes */
    long totalLost() {
        return lostBefore + lost();
    }
}
