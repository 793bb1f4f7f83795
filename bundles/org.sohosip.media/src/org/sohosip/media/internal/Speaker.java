// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

import javax.sound.sampled.SourceDataLine;

import org.sohosip.media.AudioFrame;
import org.sohosip.media.AudioSink;
import org.sohosip.media.MediaException;

/**
 * The Java Sound speaker as a sink. Writes never block the media clock: a frame that does not fit in the device
 * buffer (the device runs slower than the call's clock) is dropped.
 */
public final class Speaker implements AudioSink {

    private static final int FRAME_BYTES = 2 * AudioFrame.SAMPLES;

    private final SourceDataLine line;
    private final byte[] bytes = new byte[FRAME_BYTES];

    private Speaker(SourceDataLine line) {
        this.line = line;
    }

    /**
     * @return the default speaker, started
     * @throws MediaException with a sentence for people when there is none or it is busy
     */
    public static Speaker open() throws MediaException {
        return new Speaker(JavaSound.openSpeaker(5 * FRAME_BYTES));
    }

    @Override
    public void write(short[] frame) {
        if (line.available() < FRAME_BYTES) {
            return;
        }
        for (int i = 0; i < frame.length; i++) {
            bytes[2 * i] = (byte) frame[i];
            bytes[2 * i + 1] = (byte) (frame[i] >> 8);
        }
        line.write(bytes, 0, FRAME_BYTES);
    }

    @Override
    public void close() {
        line.drain();
        line.stop();
        line.close();
    }
}
