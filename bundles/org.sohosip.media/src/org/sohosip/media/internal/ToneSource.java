// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

import org.sohosip.media.AudioFrame;
import org.sohosip.media.AudioSource;
import org.sohosip.media.Tone;

/**
 * Synthesises a {@link Tone}: one or two sines at the tone's level, gated by its cadence. The phase runs on
 * through the pauses and each burst starts and ends with a 5 ms ramp, so cadenced tones do not click.
 */
public final class ToneSource implements AudioSource {

    private static final int RAMP = AudioFrame.SAMPLE_RATE / 200;

    private final double step1;
    private final double step2;
    private final double amplitude;
    private final long onSamples;
    private final long cycleSamples;
    private long position;

    /** @param tone the pattern to play */
    public ToneSource(Tone tone) {
        this.step1 = 2 * Math.PI * tone.frequency1() / AudioFrame.SAMPLE_RATE;
        this.step2 = 2 * Math.PI * tone.frequency2() / AudioFrame.SAMPLE_RATE;
        this.amplitude = 32767 * Math.pow(10, tone.levelDbfs() / 20);
        this.onSamples = tone.on().toMillis() * AudioFrame.SAMPLE_RATE / 1000;
        this.cycleSamples = tone.isContinuous() ? 0 : onSamples + tone.off().toMillis() * AudioFrame.SAMPLE_RATE / 1000;
    }

    @Override
    public boolean read(short[] frame) {
        for (int i = 0; i < frame.length; i++, position++) {
            double gain = gain();
            if (gain == 0) {
                frame[i] = 0;
                continue;
            }
            double value = Math.sin(step1 * position) + (step2 > 0 ? Math.sin(step2 * position) : 0);
            frame[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value * amplitude * gain));
        }
        return true;
    }

    private double gain() {
        if (cycleSamples == 0) {
            return 1;
        }
        long inCycle = position % cycleSamples;
        if (inCycle >= onSamples) {
            return 0;
        }
        return Math.min(1, Math.min(inCycle + 1, onSamples - inCycle) / (double) RAMP);
    }
}
