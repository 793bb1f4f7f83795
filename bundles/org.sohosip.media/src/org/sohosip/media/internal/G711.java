// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

import org.sohosip.media.Codec;

/**
 * G.711 µ-law and A-law (ITU-T G.711), by lookup tables: decoding is one table read per byte, encoding one read
 * per sample from a 64 K table built once. The tables are computed from the reference segment algorithm.
 */
public final class G711 {

    private static final short[] ULAW_DECODE = new short[256];
    private static final short[] ALAW_DECODE = new short[256];
    private static final byte[] ULAW_ENCODE = new byte[65536];
    private static final byte[] ALAW_ENCODE = new byte[65536];

    static {
        for (int i = 0; i < 256; i++) {
            ULAW_DECODE[i] = ulawToLinear((byte) i);
            ALAW_DECODE[i] = alawToLinear((byte) i);
        }
        for (int i = 0; i < 65536; i++) {
            ULAW_ENCODE[i] = linearToUlaw((short) i);
            ALAW_ENCODE[i] = linearToAlaw((short) i);
        }
    }

    private G711() {
    }

    /** @return the µ-law byte of a linear sample */
    public static byte encodeUlaw(short sample) {
        return ULAW_ENCODE[sample & 0xFFFF];
    }

    /** @return the A-law byte of a linear sample */
    public static byte encodeAlaw(short sample) {
        return ALAW_ENCODE[sample & 0xFFFF];
    }

    /** @return the linear sample of a µ-law byte */
    public static short decodeUlaw(byte code) {
        return ULAW_DECODE[code & 0xFF];
    }

    /** @return the linear sample of an A-law byte */
    public static short decodeAlaw(byte code) {
        return ALAW_DECODE[code & 0xFF];
    }

    /** Encodes {@code count} samples into {@code out} at {@code offset}. */
    public static void encode(Codec codec, short[] samples, int count, byte[] out, int offset) {
        byte[] table = codec == Codec.PCMU ? ULAW_ENCODE : ALAW_ENCODE;
        for (int i = 0; i < count; i++) {
            out[offset + i] = table[samples[i] & 0xFFFF];
        }
    }

    /** Decodes {@code count} bytes from {@code in} at {@code offset} into {@code out}. */
    public static void decode(Codec codec, byte[] in, int offset, int count, short[] out) {
        short[] table = codec == Codec.PCMU ? ULAW_DECODE : ALAW_DECODE;
        for (int i = 0; i < count; i++) {
            out[i] = table[in[offset + i] & 0xFF];
        }
    }

    private static final int ULAW_BIAS = 0x84;
    private static final int ULAW_CLIP = 32635;

    static byte linearToUlaw(short pcm) {
        int sample = pcm;
        int sign = (sample >> 8) & 0x80;
        if (sign != 0) {
            sample = -sample;
        }
        if (sample > ULAW_CLIP) {
            sample = ULAW_CLIP;
        }
        sample += ULAW_BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (sample & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (sample >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    static short ulawToLinear(byte code) {
        int u = ~code & 0xFF;
        int sign = u & 0x80;
        int exponent = (u >> 4) & 0x07;
        int mantissa = u & 0x0F;
        int sample = (((mantissa << 3) + ULAW_BIAS) << exponent) - ULAW_BIAS;
        return (short) (sign != 0 ? -sample : sample);
    }

    static byte linearToAlaw(short pcm) {
        int sample = pcm;
        int mask;
        if (sample >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            sample = -sample - 1;
        }
        sample >>= 3; // A-law works on 13-bit magnitudes
        int segment = 0;
        for (int limit = 0x1F; sample > limit && segment < 8; limit = (limit << 1) | 1) {
            segment++;
        }
        if (segment >= 8) {
            return (byte) (0x7F ^ mask);
        }
        int value = segment << 4;
        value |= segment < 2 ? (sample >> 1) & 0x0F : (sample >> segment) & 0x0F;
        return (byte) (value ^ mask);
    }

    static short alawToLinear(byte code) {
        int a = (code ^ 0x55) & 0xFF;
        int t = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        switch (segment) {
            case 0 -> t += 8;
            case 1 -> t += 0x108;
            default -> {
                t += 0x108;
                t <<= segment - 1;
            }
        }
        return (short) ((a & 0x80) != 0 ? t : -t);
    }
}
