// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media;

/**
 * The one audio format every {@link AudioSource} and {@link AudioSink} speaks: 16-bit signed linear PCM, 8 kHz,
 * mono, in frames of 20 ms. That is exactly one G.711 RTP packet, so no resampling or re-framing happens on the
 * call path.
 *
 * @since 0.1
 */
public final class AudioFrame {

    /** Samples per second. */
    public static final int SAMPLE_RATE = 8000;

    /** Length of one frame in milliseconds. */
    public static final int MILLIS = 20;

    /** Samples in one frame (160). */
    public static final int SAMPLES = SAMPLE_RATE * MILLIS / 1000;

    private AudioFrame() {
    }

    /** @return a new frame of silence */
    public static short[] newFrame() {
        return new short[SAMPLES];
    }
}
