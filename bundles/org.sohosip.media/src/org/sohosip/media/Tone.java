// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media;

import java.time.Duration;

/**
 * A tone pattern for {@link AudioEndpoints#tone}: one or two frequencies mixed, at a level, switched on and off
 * in a cadence.
 *
 * @param frequency1 the first frequency in Hz (above 0, below 4000)
 * @param frequency2 a second frequency in Hz mixed with the first, or 0 for a single frequency
 * @param levelDbfs  the level of each frequency in dB relative to full scale (e.g. −20), at most 0
 * @param on         how long the tone sounds in each cycle
 * @param off        the pause after it; {@link Duration#ZERO} for a continuous tone
 * @since 0.1
 */
public record Tone(double frequency1, double frequency2, double levelDbfs, Duration on, Duration off) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when a frequency or the level is out of range, or {@code on} is not
     *                                  positive
     */
    public Tone {
        if (!(frequency1 > 0 && frequency1 < 4000) || !(frequency2 >= 0 && frequency2 < 4000)) {
            throw new IllegalArgumentException("Tone frequencies must be between 0 and 4000 Hz");
        }
        if (!(levelDbfs <= 0)) {
            throw new IllegalArgumentException("A tone level must be at most 0 dBFS, not " + levelDbfs);
        }
        if (on.isNegative() || on.isZero() || off.isNegative()) {
            throw new IllegalArgumentException("A tone needs a positive on time and a non-negative off time");
        }
    }

    /**
     * @param hz        the frequency
     * @param levelDbfs the level
     * @return a continuous single-frequency tone
     */
    public static Tone continuous(double hz, double levelDbfs) {
        return new Tone(hz, 0, levelDbfs, Duration.ofSeconds(1), Duration.ZERO);
    }

    /** @return the European ringback tone: 425 Hz, 1 s on, 4 s off */
    public static Tone ringbackEurope() {
        return new Tone(425, 0, -16, Duration.ofSeconds(1), Duration.ofSeconds(4));
    }

    /** @return the North American ringback tone: 440 + 480 Hz, 2 s on, 4 s off */
    public static Tone ringbackNorthAmerica() {
        return new Tone(440, 480, -19, Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    /** @return a ringtone for the local speaker: 440 + 480 Hz, 1 s on, 2 s off */
    public static Tone ringtone() {
        return new Tone(440, 480, -10, Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    /** @return the call-waiting beep: 440 Hz, 300 ms on, then 10 s off */
    public static Tone callWaiting() {
        return new Tone(440, 0, -16, Duration.ofMillis(300), Duration.ofSeconds(10));
    }

    /** @return whether the tone has no pause */
    public boolean isContinuous() {
        return off.isZero();
    }
}
