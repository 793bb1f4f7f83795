// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media;

/**
 * Something that consumes audio, one 20 ms frame at a time (see {@link AudioFrame}): a speaker, a WAV recorder,
 * a {@link ToneDetector}, or nothing at all. A media session writes to its sink from its play-out thread every
 * 20 ms, so {@link #write} must return quickly.
 *
 * @since 0.1
 */
public interface AudioSink extends AutoCloseable {

    /**
     * Takes one frame. The array is reused by the caller after the call returns: copy what must be kept.
     *
     * @param frame {@link AudioFrame#SAMPLES} samples
     */
    void write(short[] frame);

    /** Flushes and releases the device or file behind this sink. Closing twice does nothing. */
    @Override
    default void close() {
    }
}
