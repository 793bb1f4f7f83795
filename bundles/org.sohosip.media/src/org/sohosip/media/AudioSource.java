// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media;

/**
 * Something that produces audio, one 20 ms frame at a time (see {@link AudioFrame}): a microphone, a WAV file, a
 * tone, silence. A media session reads its source from its own sending thread every 20 ms, so {@link #read} must
 * return quickly.
 *
 * @since 0.1
 */
public interface AudioSource extends AutoCloseable {

    /**
     * Fills the next frame.
     *
     * @param frame an array of {@link AudioFrame#SAMPLES} samples to overwrite
     * @return {@code false} when the source has ended (end of a file that does not loop); the frame is then
     *         silence and the caller may stop reading
     */
    boolean read(short[] frame);

    /** Releases the device or file behind this source. Closing twice does nothing. */
    @Override
    default void close() {
    }
}
