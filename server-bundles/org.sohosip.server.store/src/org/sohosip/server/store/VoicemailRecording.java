// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

import org.sohosip.core.api.VoicemailMessage;

/**
 * A message being recorded. Audio is 8 kHz, 16-bit, mono, little-endian PCM. The audio is committed to the database
 * at least once a second while it is appended, so a crash loses at most the last second; a recording left open by a
 * crash is closed by {@link VoicemailStore#recoverUnfinished()} when the store starts again. Until it is finished
 * the message is not listed, counted or announced.
 *
 * <p>
 * One recording is used by one thread at a time.
 *
 * @since 0.1
 */
public interface VoicemailRecording extends AutoCloseable {

    /**
     * Adds audio to the end of the message.
     *
     * @param pcm16le8k audio samples, 8 kHz 16-bit mono little-endian
     * @param offset    where the samples start in the array
     * @param length    number of bytes to add (an odd trailing byte is kept until the next call)
     * @throws IllegalStateException when the recording is already finished or discarded
     */
    void append(byte[] pcm16le8k, int offset, int length);

    /**
     * Marks the message urgent, as the caller chose after recording it. It is stored so when the message is
     * finished; a recording a crash leaves open stays a normal message.
     *
     * @since 0.1
     */
    void markUrgent();

    /** @return the length of the audio appended so far, in milliseconds */
    long recordedMillis();

    /**
     * Stores the rest of the audio and marks the message complete: it becomes a {@code NEW} message and the
     * {@link VoicemailListener}s are told after the commit.
     *
     * @return the stored message
     * @throws IllegalStateException when the recording was discarded
     */
    VoicemailMessage finish();

    /** Removes the message and its audio (e.g. it was too short to be a message). Calling it twice does nothing. */
    void discard();

    /** Finishes the message unless it was already finished or discarded. */
    @Override
    void close();
}
