// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import java.util.function.Consumer;

import org.sohosip.media.AudioSink;

/**
 * Hears DTMF keys sent as tones in the audio (callers behind gateways that do not send events): the Goertzel
 * algorithm on each 20 ms frame for the eight DTMF frequencies. A key counts when one low and one high frequency
 * carry most of the frame's energy, neither is far louder than the other (twist), for two frames in a row (40 ms);
 * the next key needs a break of two frames. Runs on the media thread: a few hundred multiplications a frame.
 */
final class InbandDtmf implements AudioSink {

    private static final double[] LOW = { 697, 770, 852, 941 };
    private static final double[] HIGH = { 1209, 1336, 1477, 1633 };
    private static final double[] LOW_COEFFICIENTS = coefficients(LOW);
    private static final double[] HIGH_COEFFICIENTS = coefficients(HIGH);
    private static final String KEYS = "123A456B789C*0#D";
    /** Mean square below this (about −45 dBFS) is too quiet to be a key. */
    private static final double MIN_POWER = 100_000;

    private final Consumer<Character> keys;
    private char candidate;
    private int seen;
    private int gap = 2;
    private boolean reported;

    InbandDtmf(Consumer<Character> keys) {
        this.keys = keys;
    }

    @Override
    public void write(short[] frame) {
        char key = detect(frame);
        if (key != 0 && key == candidate) {
            seen++;
        } else {
            candidate = key;
            seen = key == 0 ? 0 : 1;
        }
        if (key == 0) {
            gap++;
            if (gap >= 2) {
                reported = false;
            }
            return;
        }
        gap = 0;
        if (seen >= 2 && !reported) {
            reported = true;
            keys.accept(key);
        }
    }

    /** @return the key whose tone pair fills this frame, or 0 */
    static char detect(short[] frame) {
        double energy = 0;
        for (short s : frame) {
            energy += (double) s * s;
        }
        if (energy / frame.length < MIN_POWER) {
            return 0;
        }
        int low = 0;
        int high = 0;
        double pl = -1;
        double ph = -1;
        for (int i = 0; i < 4; i++) { // each frequency once: this runs on every frame of every call
            double p = goertzel(frame, LOW_COEFFICIENTS[i]);
            if (p > pl) {
                pl = p;
                low = i;
            }
            p = goertzel(frame, HIGH_COEFFICIENTS[i]);
            if (p > ph) {
                ph = p;
                high = i;
            }
        }
        // A pure tone of amplitude A gives power (N A / 2)^2 and energy N A^2 / 2: the pair's share of the energy.
        double share = (pl + ph) * 2 / frame.length / energy;
        double twist = ph / Math.max(1, pl);
        if (share < 0.6 || twist < 0.15 || twist > 6.3) {
            return 0;
        }
        return KEYS.charAt(low * 4 + high);
    }

    private static double[] coefficients(double[] frequencies) {
        double[] c = new double[frequencies.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = 2 * Math.cos(2 * Math.PI * frequencies[i] / 8000);
        }
        return c;
    }

    /** @return the squared magnitude of the frame's component at {@code hz} */
    static double power(short[] frame, double hz) {
        return goertzel(frame, 2 * Math.cos(2 * Math.PI * hz / 8000));
    }

    /** Goertzel, with {@code coefficient} = 2 cos(2 pi f / 8000) for the frequency f. */
    private static double goertzel(short[] frame, double coefficient) {
        double s1 = 0;
        double s2 = 0;
        for (short x : frame) {
            double s = x + coefficient * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    }
}
