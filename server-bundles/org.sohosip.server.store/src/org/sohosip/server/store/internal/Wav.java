// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The one audio format voicemail keeps, 8 kHz 16-bit mono little-endian PCM, and the canonical 44-byte RIFF header
 * that turns it into a WAV file. The header is made when the audio is read, so the stored audio never needs
 * rewriting when a recording grows.
 */
final class Wav {

    static final int SAMPLE_RATE = 8000;
    static final int BYTES_PER_SAMPLE = 2;
    static final int BYTES_PER_SECOND = SAMPLE_RATE * BYTES_PER_SAMPLE;
    static final int HEADER_BYTES = 44;

    private Wav() {
    }

    static long millis(long pcmBytes) {
        return pcmBytes * 1000 / BYTES_PER_SECOND;
    }

    static byte[] header(long pcmBytes) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + pcmBytes));
        b.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
        b.putShort((short) 1) // PCM
                .putShort((short) 1) // mono
                .putInt(SAMPLE_RATE)
                .putInt(BYTES_PER_SECOND)
                .putShort((short) BYTES_PER_SAMPLE)
                .putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) pcmBytes);
        return b.array();
    }
}
