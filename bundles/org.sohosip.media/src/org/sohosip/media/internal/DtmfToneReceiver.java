// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

import java.time.Duration;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.media.AudioSink;
import org.sohosip.media.DtmfEvent;

/**
 * Hears DTMF digits sent as audio (callers through gateways that pass the keys in band), within the tolerances
 * of ITU-T Q.24: a 20 ms window, moved on every 10 ms, is analysed by {@link DtmfAnalysis}; a digit starts after
 * two windows in a row agree (so tones of 40 ms are always heard and tones of 20 ms never), and ends after four
 * windows without it (a 40 ms pause always separates two digits, a 10 ms break inside a tone does not). Each key
 * press is reported once, when it ends, with how long it lasted. Not thread-safe: one audio thread writes.
 */
public final class DtmfToneReceiver implements AudioSink {

    static final int WINDOW = DtmfAnalysis.WINDOW;
    static final int HOP = WINDOW / 2;
    private static final int START_AFTER = 2;
    private static final int END_AFTER = 4;
    private static final int HOP_MILLIS = HOP * 1000 / 8000;

    private final Consumer<DtmfEvent> listener;
    private final DtmfAnalysis analysis = new DtmfAnalysis();
    private final short[] window = new short[WINDOW];
    private int filled;
    private char candidate;
    private int candidateRun;
    private char current;
    private int currentWindows;
    private int missing;
    private double levelSum;
    private long digits;

    /** @param listener told of each digit once, on the thread that writes the audio */
    public DtmfToneReceiver(Consumer<DtmfEvent> listener) {
        this.listener = listener;
    }

    @Override
    public void write(short[] frame) {
        int at = 0;
        while (at < frame.length) {
            int n = Math.min(frame.length - at, WINDOW - filled);
            System.arraycopy(frame, at, window, filled, n);
            filled += n;
            at += n;
            if (filled == WINDOW) {
                step(analysis.digit(window));
                System.arraycopy(window, HOP, window, 0, WINDOW - HOP);
                filled = WINDOW - HOP;
            }
        }
    }

    /** @return digits reported so far */
    public long digits() {
        return digits;
    }

    private void step(char digit) {
        if (current != 0) {
            if (digit == current) {
                missing = 0;
                currentWindows++;
                levelSum += analysis.levelDbm0();
                return;
            }
            if (++missing < END_AFTER) {
                return;
            }
            report();
        }
        if (digit == 0) {
            candidate = 0;
            candidateRun = 0;
            return;
        }
        candidateRun = digit == candidate ? candidateRun + 1 : 1;
        candidate = digit;
        levelSum = candidateRun == 1 ? analysis.levelDbm0() : levelSum + analysis.levelDbm0();
        if (candidateRun >= START_AFTER) {
            current = digit;
            currentWindows = candidateRun;
            missing = 0;
            candidate = 0;
            candidateRun = 0;
        }
    }

    private void report() {
        char digit = current;
        // windows overlap by half: n windows in a row span (n + 1) hops
        long millis = (currentWindows + 1L) * HOP_MILLIS;
        int volume = (int) Math.max(0, Math.min(63, Math.round(-levelSum / currentWindows)));
        current = 0;
        missing = 0;
        digits++;
        tell(new DtmfEvent(digit, Duration.ofMillis(millis), volume));
    }

    private void tell(@Nullable DtmfEvent event) {
        if (event != null) {
            listener.accept(event);
        }
    }
}
