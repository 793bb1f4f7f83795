// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The in-band key detector and the merging of keys from the three ways they arrive. */
class InbandDtmfTest {

    private static final double[] LOW = { 697, 770, 852, 941 };
    private static final double[] HIGH = { 1209, 1336, 1477, 1633 };
    private static final String KEYS = "123A456B789C*0#D";

    /** Feeds {@code millis} of the key's tones (frequencies scaled by {@code deviation}), then 60 ms of silence. */
    private static void press(InbandDtmf detector, char key, double deviation, int millis, double amplitude) {
        int i = KEYS.indexOf(key);
        double lo = LOW[i / 4] * deviation;
        double hi = HIGH[i % 4] * deviation;
        short[] frame = new short[160];
        for (int f = 0; f < millis / 20; f++) {
            for (int n = 0; n < 160; n++) {
                double t = (f * 160 + n) / 8000.0;
                frame[n] = (short) (amplitude * (Math.sin(2 * Math.PI * lo * t) + Math.sin(2 * Math.PI * hi * t)));
            }
            detector.write(frame);
        }
        short[] silence = new short[160];
        for (int f = 0; f < 3; f++) {
            detector.write(silence);
        }
    }

    @Test
    void everyKeyIsHeardOnceAndOffFrequencyTonesAreNot() {
        List<Character> heard = new ArrayList<>();
        InbandDtmf detector = new InbandDtmf(heard::add);
        for (char key : KEYS.toCharArray()) {
            press(detector, key, 1.0, 100, 5000);
        }
        assertEquals(KEYS, join(heard), "each key once, in order");
        heard.clear();
        press(detector, '5', 1.015, 100, 5000);
        assertEquals("5", join(heard), "1.5 % off is still the key");
        heard.clear();
        press(detector, '5', 1.035, 100, 5000);
        press(detector, '5', 1.0, 20, 5000);
        press(detector, '5', 1.0, 100, 20);
        assertEquals("", join(heard), "3.5 % off, one frame, or too quiet: no key");
    }

    @Test
    void aKeyToldByEventsAndInfoCountsOnceAndTonesAreIgnoredThen() throws Exception {
        DigitInput input = new DigitInput();
        input.tone('1');
        input.event('2', "rtp");
        input.event('2', "info");
        input.tone('3');
        input.event('2', "rtp");
        assertEquals('1', input.next(10));
        assertEquals('2', input.next(10));
        assertEquals('2', input.next(10), "a second press by the same way is a second key");
        assertEquals(0, input.next(10));
    }

    private static String join(List<Character> keys) {
        StringBuilder b = new StringBuilder();
        keys.forEach(b::append);
        return b.toString();
    }
}
