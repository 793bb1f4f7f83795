// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media;

import java.time.Duration;

/**
 * An {@link AudioSink} that listens for given frequencies with the Goertzel algorithm, frame by frame. A
 * frequency counts as present in a frame when it carries most of the frame's energy and the frame is not
 * silent. Made by {@link AudioEndpoints#toneDetector}.
 *
 * @since 0.1
 */
public interface ToneDetector extends AudioSink {

    /** @return the frequencies listened for, in Hz */
    double[] frequencies();

    /**
     * @param hz one of {@link #frequencies()}
     * @return whether it was present in the last frame
     * @throws IllegalArgumentException when the frequency is not listened for
     */
    boolean isPresent(double hz);

    /**
     * @param hz one of {@link #frequencies()}
     * @return for how long (whole frames) it has been present without a break, up to the last frame
     */
    Duration presentFor(double hz);

    /**
     * @param hz one of {@link #frequencies()}
     * @return how many frames it was present in, in total
     */
    long framesPresent(double hz);

    /** @return how many frames were analysed */
    long framesAnalysed();

    /**
     * Waits until the frequency has been present without a break for at least {@code minimum}.
     *
     * @param hz      one of {@link #frequencies()}
     * @param minimum how long it must last
     * @param timeout how long to wait at most
     * @return {@code true} when it was heard, {@code false} on timeout
     * @throws InterruptedException when the waiting thread is interrupted
     */
    boolean awaitTone(double hz, Duration minimum, Duration timeout) throws InterruptedException;
}
