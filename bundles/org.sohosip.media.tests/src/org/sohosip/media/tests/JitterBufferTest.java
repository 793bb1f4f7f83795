// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sohosip.media.AudioFrame;
import org.sohosip.media.internal.JitterBuffer;
import org.sohosip.media.internal.JitterBuffer.Playout;

/**
 * The jitter buffer driven by hand: packets are frames filled with one marker value, arrival times are given, so
 * every case is exact.
 */
class JitterBufferTest {

    private static final int SSRC = 0x1234;
    private static final long MS = 1_000_000L;
    private final JitterBuffer buffer = new JitterBuffer();
    private final short[] out = AudioFrame.newFrame();

    private static short[] frame(int value) {
        short[] samples = AudioFrame.newFrame();
        java.util.Arrays.fill(samples, (short) value);
        return samples;
    }

    private boolean put(long ts, int value, long arrivalMs) {
        return buffer.put(SSRC, ts & 0xFFFFFFFFL, frame(value), arrivalMs * MS);
    }

    /** Takes a frame and returns its marker value, or −1 when it was not received audio. */
    private int take() {
        return buffer.take(out) == Playout.PLAYED ? out[0] : -1;
    }

    @Test
    void packetsInOrderPlayOnceEach() {
        for (int i = 0; i < 10; i++) {
            put(160L * i, i + 1, 20L * i);
            assertEquals(i + 1, take());
        }
        assertEquals(0, buffer.discarded());
        assertEquals(0, buffer.concealed());
        assertEquals(10, buffer.played());
    }

    @Test
    void reorderedPacketsPlayInOrder() {
        put(0, 1, 0);
        assertEquals(1, take());
        put(320, 3, 20); // overtakes its predecessor
        put(160, 2, 21);
        put(480, 4, 40);
        assertEquals(2, take());
        assertEquals(3, take());
        assertEquals(4, take());
        assertEquals(0, buffer.discarded());
    }

    @Test
    void duplicatesAreDiscarded() {
        put(0, 1, 0);
        assertFalse(put(0, 1, 1));
        assertEquals(1, take());
        put(160, 2, 20);
        assertFalse(put(160, 2, 21));
        assertEquals(2, take());
        assertEquals(2, buffer.discarded());
        assertEquals(-1, take(), "nothing is played twice");
    }

    @Test
    void aPacketAfterItsPlayoutTimeIsDiscarded() {
        put(0, 1, 0);
        assertEquals(1, take());
        assertEquals(-1, take(), "160 has not come: the play-out waits a frame");
        put(320, 3, 40);
        assertEquals(3, take(), "after waiting, play-out goes on with what came next");
        assertFalse(put(160, 2, 45), "too late: its place was already played");
        assertEquals(1, buffer.discarded());
    }

    @Test
    void aLostFrameIsConcealedByAFadedRepeatThenSilence() {
        put(0, 1000, 0);
        assertEquals(1000, take());
        put(160, 1000, 20);
        assertEquals(1000, take());
        put(800, 5, 100); // 320, 480 and 640 are lost; 800 waits
        put(960, 6, 120);
        put(1120, 7, 140);
        put(1280, 8, 160);
        assertEquals(Playout.CONCEALED, buffer.take(out));
        assertEquals(1000, out[0], "the first concealed frame starts at the last frame's level");
        assertTrue(out[159] < 700 && out[159] > 600, "and fades: " + out[159]);
        assertEquals(Playout.CONCEALED, buffer.take(out));
        assertTrue(out[0] < 700 && out[159] < 400, "fading on");
        assertEquals(Playout.CONCEALED, buffer.take(out));
        assertEquals(5, take(), "play-out goes on with the next received frame");
        assertEquals(3, buffer.concealed());
        assertEquals(6, take());
        // A longer gap: after three faded repeats comes silence.
        put(2400, 9, 300);
        assertEquals(7, take());
        assertEquals(8, take());
        for (int i = 0; i < 4; i++) {
            assertEquals(Playout.CONCEALED, buffer.take(out));
        }
        assertEquals(0, out[0]);
        assertEquals(0, out[159]);
    }

    @Test
    void timestampWrapAround() {
        long ts = 0x1_0000_0000L - 3 * 160; // three frames before the 32-bit timestamp wraps
        put(ts, 1, 0);
        assertEquals(1, take());
        put(ts + 160, 2, 20);
        assertEquals(2, take());
        // The first packet after the wrap (timestamp 0) overtakes the last one before it.
        put(ts + 480, 4, 40);
        put(ts + 320, 3, 41);
        assertEquals(3, take());
        assertEquals(4, take());
        for (int i = 4; i < 8; i++) {
            put(ts + 160L * i, i + 1, 20L * i);
            assertEquals(i + 1, take(), "frame " + i);
        }
        assertEquals(0, buffer.discarded());
        assertEquals(0, buffer.concealed());
    }

    @Test
    void aNewSsrcStartsOver() {
        put(1_000_000, 1, 0);
        assertEquals(1, take());
        put(1_000_160, 2, 20);
        assertEquals(2, take());
        // The peer restarted its stream (new SSRC, timestamps from far behind): play it, do not discard it.
        assertTrue(buffer.put(0x9999, 5, frame(3), 40 * MS));
        assertEquals(3, take());
        assertTrue(buffer.put(0x9999, 165, frame(4), 60 * MS));
        assertEquals(4, take());
        assertEquals(0, buffer.discarded());
    }

    @Test
    void theTargetDelayFollowsTheJitter() {
        for (int i = 0; i < 100; i++) {
            put(160L * i, 1, 20L * i);
            take();
        }
        assertEquals(20, buffer.targetDelayMillis(), "no jitter: one frame");
        assertTrue(buffer.jitterMillis() < 0.5);
        Random random = new Random(42);
        for (int i = 100; i < 400; i++) {
            put(160L * i, 1, 20L * i + random.nextInt(40));
            take();
        }
        double jitter = buffer.jitterMillis();
        assertTrue(jitter > 8 && jitter < 20, "jitter estimate " + jitter);
        int target = buffer.targetDelayMillis();
        assertTrue(target >= 40 && target <= 80, "target " + target + " for jitter " + jitter);
        for (int i = 400; i < 600; i++) {
            put(160L * i, 1, 20L * i + random.nextInt(400));
            take();
        }
        assertEquals(200, buffer.targetDelayMillis(), "capped at 200 ms");
        for (int i = 600; i < 1200; i++) {
            put(160L * i, 1, 20L * i);
            take();
        }
        assertEquals(20, buffer.targetDelayMillis(), "back to one frame when the jitter is gone");
    }

    @Test
    void aBurstIsTrimmedBackToTheTarget() {
        put(0, 1, 0);
        assertEquals(1, take());
        // The network stalled for 400 ms, then everything arrives at once.
        for (int i = 1; i <= 20; i++) {
            put(160L * i, i + 1, 420);
        }
        take();
        assertTrue(buffer.buffered() <= 1600, "buffered " + buffer.buffered() + " samples");
        assertTrue(buffer.dropped() > 0);
        assertEquals(0, buffer.discarded(), "dropping to shrink the delay is not counted as late");
    }

    @Test
    void extraDelayThatIsNeverNeededIsGivenBack() {
        // One late packet makes the buffer stall and grow by a frame...
        put(0, 1, 0);
        assertEquals(1, take());
        assertEquals(-1, take()); // 160 is late: stall
        put(160, 2, 45);
        put(320, 3, 46);
        assertEquals(2, take());
        // ...then a second of punctual packets shows the frame is not needed, and it is dropped.
        for (int i = 3; i < 120; i++) {
            put(160L * i, i + 1, 20L * i + 5);
            take();
        }
        assertTrue(buffer.dropped() >= 1, "dropped " + buffer.dropped());
        assertTrue(buffer.buffered() < 160, "buffered " + buffer.buffered());
    }
    @Test
    void packetsThatWaitLongForTheirTickMoveTheClockEarlier() {
        for (int i = 0; i < 25; i++) {
            put(160L * i, 1, 20L * i);
            buffer.take(out, (20L * i + 15) * MS); // every packet waits 15 ms for its tick
        }
        long correction = buffer.takePhaseCorrection();
        // all the spare wait (15 ms less the wanted 3 ms margin) is given back at once, never more than a frame
        assertEquals(-12 * MS, correction);
        assertEquals(0, buffer.takePhaseCorrection(), "taken once");
        for (int i = 25; i < 50; i++) {
            put(160L * i, 1, 20L * i);
            buffer.take(out, (20L * i + 3) * MS); // just the wanted margin: leave the clock alone
        }
        assertEquals(0, buffer.takePhaseCorrection());
    }

    @Test
    void aTickWithoutItsPacketCanWaitForIt() throws Exception {
        put(0, 1, 0);
        assertEquals(1, take());
        assertTrue(buffer.starved());
        Thread late = new Thread(() -> {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
            put(160, 2, 25);
        });
        late.start();
        assertTrue(buffer.awaitPacket(System.nanoTime() + 5_000 * MS), "the late packet wakes the clock");
        assertEquals(2, take());
        late.join();
        assertFalse(buffer.awaitPacket(System.nanoTime() + 20 * MS), "nothing more comes");
    }
}
