// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

import java.io.InputStream;

/**
 * The audio of one stored message as a WAV file (RIFF header for 8 kHz 16-bit mono PCM, then the samples). The
 * header is generated; the samples are read from the database as the stream is read, so a long message is never
 * held in memory whole.
 *
 * @since 0.1
 */
public interface VoicemailAudio {

    /** @return the size of the whole WAV file in bytes (header included) */
    long length();

    /**
     * Opens a byte range of the WAV file, as an HTTP range request asks for it.
     *
     * @param from first byte, 0-based
     * @param to   last byte, inclusive; at most {@code length() - 1}
     * @return the bytes {@code from..to}; the caller closes it
     * @throws IllegalArgumentException when the range is empty or outside the file
     */
    InputStream open(long from, long to);

    /** @return the length of the audio in milliseconds */
    long durationMillis();
}
