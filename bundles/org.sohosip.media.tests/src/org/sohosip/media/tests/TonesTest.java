// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.sohosip.media.AudioFrame;
import org.sohosip.media.Tone;
import org.sohosip.media.internal.Goertzel;
import org.sohosip.media.internal.GoertzelToneDetector;
import org.sohosip.media.internal.ToneSource;

/** Tone synthesis (levels, two frequencies, cadence) checked with the Goertzel detector. */
class TonesTest {

    private static GoertzelToneDetector play(Tone tone, int frames, double... listen) {
        ToneSource source = new ToneSource(tone);
        GoertzelToneDetector detector = new GoertzelToneDetector(listen);
        short[] frame = AudioFrame.newFrame();
        for (int i = 0; i < frames; i++) {
            source.read(frame);
            detector.write(frame);
        }
        return detector;
    }

    @Test
    void aContinuousToneIsHeardAtItsFrequencyOnly() {
        GoertzelToneDetector d = play(Tone.continuous(1000, -10), 50, 1000, 1400, 425);
        assertEquals(50, d.framesPresent(1000));
        assertEquals(0, d.framesPresent(1400));
        assertEquals(0, d.framesPresent(425));
        assertEquals(Duration.ofSeconds(1), d.presentFor(1000));
    }

    @Test
    void theLevelIsRelativeToFullScale() {
        short[] frame = AudioFrame.newFrame();
        new ToneSource(Tone.continuous(1000, -10)).read(frame);
        // A sine's RMS is 3 dB under its peak.
        assertEquals(-13, Goertzel.levelDbfs(frame), 0.3);
    }

    @Test
    void europeanRingbackFollowsItsCadence() {
        GoertzelToneDetector d = play(Tone.ringbackEurope(), 250, 425); // one 5 s cycle
        assertEquals(50, d.framesPresent(425), 1, "1 s on");
        assertFalse(d.isPresent(425), "4 s off at the end of the cycle");
    }

    @Test
    void northAmericanRingbackMixesTwoFrequencies() {
        ToneSource source = new ToneSource(Tone.ringbackNorthAmerica());
        short[] frame = AudioFrame.newFrame();
        source.read(frame);
        source.read(frame);
        double f440 = Goertzel.relativePower(frame, 440);
        double f480 = Goertzel.relativePower(frame, 480);
        double f1000 = Goertzel.relativePower(frame, 1000);
        assertTrue(f440 > 0.3 && f480 > 0.3 && f1000 < 0.01, f440 + " " + f480 + " " + f1000);
    }

    @Test
    void callWaitingIsAShortBeep() {
        GoertzelToneDetector d = play(Tone.callWaiting(), 100, 440);
        assertEquals(15, d.framesPresent(440), 1, "300 ms");
    }

    @Test
    void silenceIsNoTone() {
        GoertzelToneDetector d = new GoertzelToneDetector(1000);
        d.write(AudioFrame.newFrame());
        assertFalse(d.isPresent(1000));
        assertEquals(1, d.framesAnalysed());
    }

    @Test
    void impossibleTonesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Tone.continuous(5000, -10));
        assertThrows(IllegalArgumentException.class, () -> Tone.continuous(1000, 3));
        assertThrows(IllegalArgumentException.class, () -> new GoertzelToneDetector());
    }
}
