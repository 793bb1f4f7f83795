// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal.phone;

import org.sohosip.media.AudioFrame;
import org.sohosip.media.AudioSink;
import org.sohosip.media.AudioSource;

/**
 * Mixes a short beep pattern into what the active call plays, so call waiting is heard over the current
 * conversation instead of the ringtone.
 */
final class BeepingSink implements AudioSink {

    private final AudioSink target;
    private final AudioSource beep;
    private final short[] beepFrame = AudioFrame.newFrame();
    private final short[] mixed = AudioFrame.newFrame();

    BeepingSink(AudioSink target, AudioSource beep) {
        this.target = target;
        this.beep = beep;
    }

    AudioSink target() {
        return target;
    }

    @Override
    public void write(short[] frame) {
        beep.read(beepFrame);
        for (int i = 0; i < mixed.length && i < frame.length; i++) {
            int s = frame[i] + beepFrame[i];
            mixed[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, s));
        }
        target.write(mixed);
    }

    /** Closes the beep only: the call's own sink stays with the call. */
    @Override
    public void close() {
        beep.close();
    }
}
