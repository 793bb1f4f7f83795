// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

/**
 * Converts a whole mono signal to another sample rate with a windowed-sinc (Blackman) filter whose cut-off is
 * the lower of the two Nyquist frequencies, so a 44.1 kHz prompt does not alias when it becomes 8 kHz.
 */
final class Resampler {

    private static final int HALF_TAPS = 16;

    private Resampler() {
    }

    static short[] resample(float[] input, int fromRate, int toRate) {
        if (fromRate == toRate) {
            short[] same = new short[input.length];
            for (int i = 0; i < input.length; i++) {
                same[i] = clip(input[i]);
            }
            return same;
        }
        double ratio = (double) fromRate / toRate;
        double cutoff = Math.min(1.0, 1.0 / ratio); // relative to the input's Nyquist frequency
        int halfWidth = (int) Math.ceil(HALF_TAPS / cutoff);
        int outLength = (int) ((long) input.length * toRate / fromRate);
        short[] output = new short[outLength];
        for (int o = 0; o < outLength; o++) {
            double center = o * ratio;
            int first = (int) Math.floor(center) - halfWidth + 1;
            double sum = 0;
            for (int i = first; i < first + 2 * halfWidth; i++) {
                if (i < 0 || i >= input.length) {
                    continue;
                }
                double x = i - center;
                sum += input[i] * cutoff * sinc(x * cutoff) * blackman(x, halfWidth);
            }
            output[o] = clip(sum);
        }
        return output;
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    private static double blackman(double x, int halfWidth) {
        double n = (x + halfWidth) / (2.0 * halfWidth);
        if (n < 0 || n > 1) {
            return 0;
        }
        return 0.42 - 0.5 * Math.cos(2 * Math.PI * n) + 0.08 * Math.cos(4 * Math.PI * n);
    }

    private static short clip(double value) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
    }
}
