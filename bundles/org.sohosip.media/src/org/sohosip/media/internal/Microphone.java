// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

import java.util.Arrays;

import javax.sound.sampled.TargetDataLine;

import org.sohosip.media.AudioFrame;
import org.sohosip.media.AudioSource;
import org.sohosip.media.MediaException;

/**
 * The Java Sound microphone as a source. Reads never block the media clock: when a frame is not captured yet
 * the frame is silence, and when the device has run ahead by more than 60 ms the surplus is skipped so the
 * delay cannot grow.
 */
public final class Microphone implements AudioSource {

    private static final int FRAME_BYTES = 2 * AudioFrame.SAMPLES;
    private static final int MAX_BACKLOG = 3 * FRAME_BYTES;

    private final TargetDataLine line;
    private final byte[] bytes = new byte[FRAME_BYTES];

    private Microphone(TargetDataLine line) {
        this.line = line;
    }

    /**
     * @return the default microphone, started
     * @throws MediaException with a sentence for people when there is none or it is busy
     */
    public static Microphone open() throws MediaException {
        return new Microphone(JavaSound.openMicrophone(10 * FRAME_BYTES));
    }

    @Override
    public boolean read(short[] frame) {
        int available = line.available();
        if (available < FRAME_BYTES) {
            Arrays.fill(frame, (short) 0);
            return true;
        }
        while (available - FRAME_BYTES > MAX_BACKLOG) {
            available -= line.read(bytes, 0, FRAME_BYTES);
        }
        line.read(bytes, 0, FRAME_BYTES);
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8));
        }
        return true;
    }

    @Override
    public void close() {
        line.stop();
        line.close();
    }
}
