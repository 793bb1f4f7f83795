// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

import java.time.Duration;
import java.util.Arrays;

import org.sohosip.media.AudioFrame;
import org.sohosip.media.ToneDetector;

/**
 * Listens for frequencies frame by frame: a frequency is present when the frame is louder than −50 dBFS and the
 * frequency carries at least 40 % of its energy (so a two-frequency tone still counts for each).
 */
public final class GoertzelToneDetector implements ToneDetector {

    static final double MIN_LEVEL_DBFS = -50;
    static final double MIN_SHARE = 0.4;

    private final double[] frequencies;
    private final long[] run;
    private final long[] total;
    private final boolean[] present;
    private long frames;

    /** @param frequencies what to listen for, in Hz */
    public GoertzelToneDetector(double... frequencies) {
        if (frequencies.length == 0) {
            throw new IllegalArgumentException("A tone detector needs at least one frequency");
        }
        for (double hz : frequencies) {
            if (!(hz > 0 && hz < AudioFrame.SAMPLE_RATE / 2.0)) {
                throw new IllegalArgumentException("Cannot detect " + hz + " Hz at 8 kHz sampling");
            }
        }
        this.frequencies = frequencies.clone();
        this.run = new long[frequencies.length];
        this.total = new long[frequencies.length];
        this.present = new boolean[frequencies.length];
    }

    @Override
    public synchronized void write(short[] frame) {
        boolean loud = Goertzel.levelDbfs(frame) > MIN_LEVEL_DBFS;
        for (int i = 0; i < frequencies.length; i++) {
            present[i] = loud && Goertzel.relativePower(frame, frequencies[i]) >= MIN_SHARE;
            run[i] = present[i] ? run[i] + 1 : 0;
            total[i] += present[i] ? 1 : 0;
        }
        frames++;
        notifyAll();
    }

    @Override
    public double[] frequencies() {
        return frequencies.clone();
    }

    @Override
    public synchronized boolean isPresent(double hz) {
        return present[index(hz)];
    }

    @Override
    public synchronized Duration presentFor(double hz) {
        return Duration.ofMillis(run[index(hz)] * AudioFrame.MILLIS);
    }

    @Override
    public synchronized long framesPresent(double hz) {
        return total[index(hz)];
    }

    @Override
    public synchronized long framesAnalysed() {
        return frames;
    }

    @Override
    public synchronized boolean awaitTone(double hz, Duration minimum, Duration timeout) throws InterruptedException {
        int i = index(hz);
        long frameCount = Math.max(1, minimum.toMillis() / AudioFrame.MILLIS);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (run[i] < frameCount) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private int index(double hz) {
        for (int i = 0; i < frequencies.length; i++) {
            if (frequencies[i] == hz) {
                return i;
            }
        }
        throw new IllegalArgumentException(hz + " Hz is not one of " + Arrays.toString(frequencies));
    }
}
