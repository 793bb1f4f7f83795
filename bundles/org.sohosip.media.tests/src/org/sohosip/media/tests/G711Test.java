// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sohosip.media.internal.G711;

import net.sf.fmj.media.codec.audio.alaw.ALawDecoderUtil;
import net.sf.fmj.media.codec.audio.ulaw.MuLawDecoderUtil;

/** G.711 against the values of the ITU-T tables, and against FMJ's own decoders. */
class G711Test {

    @Test
    void muLawKnownValues() {
        assertEquals((byte) 0xFF, G711.encodeUlaw((short) 0));
        assertEquals((byte) 0x80, G711.encodeUlaw(Short.MAX_VALUE));
        assertEquals((byte) 0x00, G711.encodeUlaw(Short.MIN_VALUE));
        assertEquals(0, G711.decodeUlaw((byte) 0xFF));
        assertEquals(32124, G711.decodeUlaw((byte) 0x80));
        assertEquals(-32124, G711.decodeUlaw((byte) 0x00));
        assertEquals(-8, G711.decodeUlaw((byte) 0x7E));
        assertEquals((byte) 0xF2, G711.encodeUlaw((short) 100)); // first segment: steps of 8
        assertEquals(104, G711.decodeUlaw((byte) 0xF2));
    }

    @Test
    void aLawKnownValues() {
        assertEquals((byte) 0xD5, G711.encodeAlaw((short) 0));
        assertEquals((byte) 0xAA, G711.encodeAlaw(Short.MAX_VALUE));
        assertEquals((byte) 0x2A, G711.encodeAlaw(Short.MIN_VALUE));
        assertEquals(8, G711.decodeAlaw((byte) 0xD5));
        assertEquals(-8, G711.decodeAlaw((byte) 0x55));
        assertEquals(32256, G711.decodeAlaw((byte) 0xAA));
        assertEquals(-32256, G711.decodeAlaw((byte) 0x2A));
    }

    @Test
    void everyCodeSurvivesDecodeThenEncode() {
        for (int code = 0; code < 256; code++) {
            byte b = (byte) code;
            if (code != 0x7F) { // µ-law has two zeros; 0x7F (−0) comes back as 0xFF (+0)
                assertEquals(b, G711.encodeUlaw(G711.decodeUlaw(b)), "µ-law " + code);
            }
            assertEquals(b, G711.encodeAlaw(G711.decodeAlaw(b)), "A-law " + code);
        }
    }

    @Test
    void decodingAgreesWithFmj() {
        for (int code = 0; code < 256; code++) {
            byte b = (byte) code;
            assertEquals(MuLawDecoderUtil.muLawDecode(b), G711.decodeUlaw(b), "µ-law " + code);
            assertEquals(ALawDecoderUtil.aLawDecode(b), G711.decodeAlaw(b), "A-law " + code);
        }
    }

    @Test
    void quantisationErrorStaysWithinTheSegmentStep() {
        for (int sample = -32000; sample <= 32000; sample += 7) {
            short s = (short) sample;
            int step = Math.max(16, Math.abs(sample) / 16); // G.711 keeps 4 bits of mantissa per segment
            assertTrue(Math.abs(G711.decodeUlaw(G711.encodeUlaw(s)) - sample) <= step, "µ-law " + sample);
            assertTrue(Math.abs(G711.decodeAlaw(G711.encodeAlaw(s)) - sample) <= step, "A-law " + sample);
        }
    }
}
