// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

import java.util.Optional;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

import org.sohosip.media.AudioFrame;
import org.sohosip.media.MediaException;

/** Opens the default Java Sound lines in the call format, and words their absence for people. */
final class JavaSound {

    static final AudioFormat FORMAT = new AudioFormat(AudioFrame.SAMPLE_RATE, 16, 1, true, false);

    static final String NO_MICROPHONE = "No microphone was found on this computer. Calls still work, but the "
            + "other side hears silence: connect a microphone or headset and start the call again.";
    static final String NO_SPEAKER = "No speaker or headphones were found on this computer. Calls still work, "
            + "but you will not hear the other side: connect a headset or speakers and start the call again.";
    static final String MICROPHONE_BUSY = "The microphone is in use by another program. Close that program and "
            + "start the call again; until then the other side hears silence.";
    static final String SPEAKER_BUSY = "The speaker is in use by another program. Close that program and start "
            + "the call again; until then you will not hear the other side.";

    private JavaSound() {
    }

    static Optional<String> microphoneProblem() {
        return supported(TargetDataLine.class) ? Optional.empty() : Optional.of(NO_MICROPHONE);
    }

    static Optional<String> speakerProblem() {
        return supported(SourceDataLine.class) ? Optional.empty() : Optional.of(NO_SPEAKER);
    }

    static TargetDataLine openMicrophone(int bufferBytes) throws MediaException {
        if (!supported(TargetDataLine.class)) {
            throw new MediaException(NO_MICROPHONE);
        }
        try {
            TargetDataLine line = (TargetDataLine) AudioSystem.getLine(info(TargetDataLine.class));
            line.open(FORMAT, bufferBytes);
            line.start();
            return line;
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new MediaException(MICROPHONE_BUSY, e);
        }
    }

    static SourceDataLine openSpeaker(int bufferBytes) throws MediaException {
        if (!supported(SourceDataLine.class)) {
            throw new MediaException(NO_SPEAKER);
        }
        try {
            SourceDataLine line = (SourceDataLine) AudioSystem.getLine(info(SourceDataLine.class));
            line.open(FORMAT, bufferBytes);
            line.start();
            return line;
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new MediaException(SPEAKER_BUSY, e);
        }
    }

    private static boolean supported(Class<?> lineClass) {
        try {
            return AudioSystem.isLineSupported(info(lineClass));
        } catch (RuntimeException | LinkageError e) {
            return false; // a broken sound system is no sound system
        }
    }

    private static DataLine.Info info(Class<?> lineClass) {
        return new DataLine.Info(lineClass, FORMAT);
    }
}
