// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import java.io.ByteArrayOutputStream;

import org.sohosip.media.AudioFrame;
import org.sohosip.media.AudioSink;

/**
 * Takes the caller's audio from the media thread while a message is recorded: keeps the bytes for the call's
 * thread to hand to the store (the media thread must never wait for a database), and measures speech and the
 * silence since the last speech.
 */
final class RecorderSink implements AudioSink {

    /** Frames quieter than this RMS (about −40 dBFS) are silence. */
    static final double SPEECH_RMS = 330;

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(16_000);
    private final byte[] bytes = new byte[AudioFrame.SAMPLES * 2];
    private long frames;
    private long speechFrames;
    private long silentFrames;

    @Override
    public void write(short[] frame) {
        boolean speech = Pcm.rms(frame) >= SPEECH_RMS;
        synchronized (this) {
            Pcm.toBytes(frame, bytes, 0);
            pending.write(bytes, 0, bytes.length);
            frames++;
            if (speech) {
                speechFrames++;
                silentFrames = 0;
            } else {
                silentFrames++;
            }
        }
    }

    /** @return the audio received since the last call */
    synchronized byte[] drain() {
        byte[] out = pending.toByteArray();
        pending.reset();
        return out;
    }

    synchronized long millis() {
        return frames * AudioFrame.MILLIS;
    }

    synchronized long speechMillis() {
        return speechFrames * AudioFrame.MILLIS;
    }

    synchronized long silenceMillis() {
        return silentFrames * AudioFrame.MILLIS;
    }
}
