// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

import org.sohosip.media.AudioFrame;

/** The Goertzel algorithm: the power of one frequency in a block of samples, cheaper than a whole FFT. */
public final class Goertzel {

    private Goertzel() {
    }

    /**
     * @param samples a block
     * @param hz      the frequency
     * @return the share of the block's energy at that frequency, about 1 for a pure sine at it, near 0 without
     */
    public static double relativePower(short[] samples, double hz) {
        double energy = energy(samples);
        if (energy == 0) {
            return 0;
        }
        return power(samples, hz) / (energy * samples.length / 2.0);
    }

    /** @return the Goertzel power of {@code hz} in the block */
    public static double power(short[] samples, double hz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / AudioFrame.SAMPLE_RATE);
        double s1 = 0;
        double s2 = 0;
        for (short sample : samples) {
            double s0 = sample + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    }

    /** @return the sum of squares of the block */
    public static double energy(short[] samples) {
        double energy = 0;
        for (short sample : samples) {
            energy += (double) sample * sample;
        }
        return energy;
    }

    /** @return the block's level in dB relative to full scale (−∞ for silence) */
    public static double levelDbfs(short[] samples) {
        double rms = Math.sqrt(energy(samples) / samples.length);
        return 20 * Math.log10(rms / 32768.0);
    }
}
