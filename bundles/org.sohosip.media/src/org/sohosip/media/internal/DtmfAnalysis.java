// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

/**
 * Decides whether one 20 ms window of 8 kHz audio is a DTMF digit, by the receiver tolerances of ITU-T Q.24:
 * <ul>
 * <li>one tone of the low group (697, 770, 852, 941 Hz) and one of the high group (1209, 1336, 1477, 1633 Hz),
 * found with Hann-windowed Goertzel filters;</li>
 * <li>each tone's frequency within ±{@value #MAX_DEVIATION_PERCENT} % of nominal, measured from the phase advance
 * between two overlapping sub-windows (much finer than a filter's 50 Hz bandwidth): deviations of ±1.5 % are
 * accepted and ±3.5 % rejected, as Q.24 asks;</li>
 * <li>each tone at least {@value #MIN_TONE_DBM0} dBm0;</li>
 * <li>twist within the limits most receivers use (Q.24 leaves them to each administration): the low-group tone
 * up to {@value #NORMAL_TWIST_DB} dB stronger than the high-group tone (normal twist), the high-group tone up to
 * {@value #REVERSE_TWIST_DB} dB stronger (reverse twist);</li>
 * <li>the two tones carry the window: what is left after fitting two sines at the measured frequencies is at most
 * {@value #MAX_RESIDUAL_PERCENT} % of the energy. Speech, music and noise fail here even when they have
 * energy near DTMF frequencies (a voice's harmonics near 697 and 1209 Hz come with all the others), and so does a
 * single tone (its partner is missing: the twist test fails).</li>
 * </ul>
 * Not thread-safe.
 */
final class DtmfAnalysis {

    static final int WINDOW = 160;
    static final double MAX_DEVIATION_PERCENT = 2.5;
    static final double MIN_TONE_DBM0 = -36;
    static final double NORMAL_TWIST_DB = 8;
    static final double REVERSE_TWIST_DB = 4;
    static final double MAX_RESIDUAL_PERCENT = 8;

    static final double[] LOW = {697, 770, 852, 941};
    static final double[] HIGH = {1209, 1336, 1477, 1633};
    private static final String KEYS = "123A456B789C*0#D";
    private static final int RATE = 8000;
    private static final int SUB = 120;
    private static final int SHIFT = WINDOW - SUB;
    /** Full-scale sine: +3.17 dBm0 (G.711). */
    private static final double FULL_SCALE_DBM0 = 3.17;

    private final double[] hann = hann(WINDOW);
    private final double[] subHann = hann(SUB);
    private final double[] samples = new double[WINDOW];
    private double lowDbm0;
    private double highDbm0;

    /**
     * @param window {@value #WINDOW} samples
     * @return the digit, or {@code 0} when the window is not one
     */
    char digit(short[] window) {
        double energy = 0;
        for (int i = 0; i < WINDOW; i++) {
            samples[i] = window[i];
            energy += samples[i] * samples[i];
        }
        lowDbm0 = Double.NEGATIVE_INFINITY;
        highDbm0 = Double.NEGATIVE_INFINITY;
        if (energy == 0) {
            return 0;
        }
        int row = strongest(LOW);
        int col = strongest(HIGH);
        double fLow = frequency(LOW[row]);
        double fHigh = frequency(HIGH[col]);
        if (!within(fLow, LOW[row]) || !within(fHigh, HIGH[col])) {
            return 0;
        }
        double[] fit = fit(fLow, fHigh);
        if (fit == null || fit[2] > energy * MAX_RESIDUAL_PERCENT / 100) {
            return 0;
        }
        lowDbm0 = dbm0(fit[0]);
        highDbm0 = dbm0(fit[1]);
        double twist = highDbm0 - lowDbm0;
        if (lowDbm0 < MIN_TONE_DBM0 || highDbm0 < MIN_TONE_DBM0 || twist > REVERSE_TWIST_DB
                || -twist > NORMAL_TWIST_DB) {
            return 0;
        }
        return KEYS.charAt(row * 4 + col);
    }

    /** @return the mean level of the last digit's two tones in dBm0 (−∞ when the window was no digit) */
    double levelDbm0() {
        return (lowDbm0 + highDbm0) / 2;
    }

    /** @return the last window's low-group and high-group tone levels in dBm0 (for tests and diagnostics) */
    double[] levels() {
        return new double[] {lowDbm0, highDbm0};
    }

    private int strongest(double[] group) {
        int best = 0;
        double bestPower = -1;
        for (int i = 0; i < group.length; i++) {
            double[] x = dft(group[i], 0, WINDOW, hann);
            double power = x[0] * x[0] + x[1] * x[1];
            if (power > bestPower) {
                bestPower = power;
                best = i;
            }
        }
        return best;
    }

    /**
     * The frequency of the tone near {@code nominal}: a sine at f advances its phase by 2πf·SHIFT/RATE between two
     * sub-windows SHIFT samples apart, whatever the filter's own response; unambiguous within ±RATE/(2·SHIFT)
     * = ±100 Hz of nominal.
     */
    private double frequency(double nominal) {
        double[] a = dft(nominal, 0, SUB, subHann);
        double[] b = dft(nominal, SHIFT, SUB, subHann);
        double advance = Math.atan2(a[0] * b[1] - a[1] * b[0], a[0] * b[0] + a[1] * b[1]);
        double expected = 2 * Math.PI * nominal * SHIFT / RATE;
        double offset = advance - expected;
        offset -= 2 * Math.PI * Math.floor((offset + Math.PI) / (2 * Math.PI));
        return nominal + offset * RATE / (2 * Math.PI * SHIFT);
    }

    private static boolean within(double measured, double nominal) {
        return Math.abs(measured - nominal) <= nominal * MAX_DEVIATION_PERCENT / 100;
    }

    /** A windowed DFT at one frequency; the phase is taken relative to the sub-window's first sample. */
    private double[] dft(double hz, int from, int length, double[] weights) {
        double w = 2 * Math.PI * hz / RATE;
        double re = 0;
        double im = 0;
        double cos = 1;
        double sin = 0;
        double stepCos = Math.cos(w);
        double stepSin = Math.sin(w);
        for (int n = 0; n < length; n++) {
            double v = samples[from + n] * weights[n];
            re += v * cos;
            im -= v * sin;
            double nextCos = cos * stepCos - sin * stepSin;
            sin = sin * stepCos + cos * stepSin;
            cos = nextCos;
        }
        return new double[] {re, im};
    }

    /**
     * Least-squares fit of two sines (and cosines) at the measured frequencies.
     *
     * @return the low and high amplitudes and the residual energy, or {@code null} when the fit is singular
     */
    private double[] fit(double fLow, double fHigh) {
        double[][] basis = new double[4][WINDOW];
        for (int n = 0; n < WINDOW; n++) {
            double a = 2 * Math.PI * fLow * n / RATE;
            double b = 2 * Math.PI * fHigh * n / RATE;
            basis[0][n] = Math.cos(a);
            basis[1][n] = Math.sin(a);
            basis[2][n] = Math.cos(b);
            basis[3][n] = Math.sin(b);
        }
        double[][] m = new double[4][5];
        for (int i = 0; i < 4; i++) {
            for (int j = i; j < 4; j++) {
                double sum = 0;
                for (int n = 0; n < WINDOW; n++) {
                    sum += basis[i][n] * basis[j][n];
                }
                m[i][j] = sum;
                m[j][i] = sum;
            }
            double rhs = 0;
            for (int n = 0; n < WINDOW; n++) {
                rhs += basis[i][n] * samples[n];
            }
            m[i][4] = rhs;
        }
        double[] c = solve(m);
        if (c == null) {
            return null;
        }
        double residual = 0;
        for (int n = 0; n < WINDOW; n++) {
            double model = c[0] * basis[0][n] + c[1] * basis[1][n] + c[2] * basis[2][n] + c[3] * basis[3][n];
            double e = samples[n] - model;
            residual += e * e;
        }
        return new double[] {Math.hypot(c[0], c[1]), Math.hypot(c[2], c[3]), residual};
    }

    /** Gaussian elimination with partial pivoting on an augmented 4×5 matrix. */
    private static double[] solve(double[][] m) {
        int size = m.length;
        for (int col = 0; col < size; col++) {
            int pivot = col;
            for (int r = col + 1; r < size; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][col]) < 1e-9) {
                return null;
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int r = 0; r < size; r++) {
                if (r != col) {
                    double factor = m[r][col] / m[col][col];
                    for (int k = col; k <= size; k++) {
                        m[r][k] -= factor * m[col][k];
                    }
                }
            }
        }
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = m[i][size] / m[i][i];
        }
        return x;
    }

    /** @return the level in dBm0 of a sine of this amplitude */
    static double dbm0(double amplitude) {
        return amplitude <= 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(amplitude / 32768.0) + FULL_SCALE_DBM0;
    }

    private static double[] hann(int length) {
        double[] w = new double[length];
        for (int n = 0; n < length; n++) {
            w[n] = 0.5 - 0.5 * Math.cos(2 * Math.PI * (n + 0.5) / length);
        }
        return w;
    }
}
