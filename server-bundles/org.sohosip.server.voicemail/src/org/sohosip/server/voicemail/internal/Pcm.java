// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Conversions between 16-bit little-endian PCM bytes, WAV files and sample arrays (8 kHz mono throughout). */
final class Pcm {

    private Pcm() {
    }

    /** @return the samples of a 16-bit mono PCM WAV file (its {@code data} chunk) */
    static short[] fromWav(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || b.getInt(0) != 0x46464952 /* RIFF */ || b.getInt(8) != 0x45564157 /* WAVE */) {
            throw new IllegalArgumentException("not a WAV file");
        }
        int at = 12;
        while (at + 8 <= wav.length) {
            int id = b.getInt(at);
            int size = b.getInt(at + 4);
            if (id == 0x61746164 /* data */) {
                int length = Math.min(size < 0 ? Integer.MAX_VALUE : size, wav.length - at - 8);
                return fromBytes(wav, at + 8, length);
            }
            at += 8 + size + (size & 1);
        }
        throw new IllegalArgumentException("WAV file without audio data");
    }

    static short[] fromBytes(byte[] pcm, int offset, int length) {
        short[] samples = new short[length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((pcm[offset + 2 * i] & 0xff) | (pcm[offset + 2 * i + 1] << 8));
        }
        return samples;
    }

    /** Writes samples as little-endian bytes into {@code out} at {@code offset}. */
    static void toBytes(short[] samples, byte[] out, int offset) {
        for (int i = 0; i < samples.length; i++) {
            out[offset + 2 * i] = (byte) samples[i];
            out[offset + 2 * i + 1] = (byte) (samples[i] >> 8);
        }
    }

    static byte[] toBytes(short[] samples) {
        byte[] out = new byte[samples.length * 2];
        toBytes(samples, out, 0);
        return out;
    }

    /** @return the root mean square of the samples */
    static double rms(short[] samples) {
        double sum = 0;
        for (short s : samples) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / Math.max(1, samples.length));
    }
}
