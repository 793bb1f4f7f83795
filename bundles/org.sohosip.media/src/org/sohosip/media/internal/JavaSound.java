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

    private JavaSound() {
    }

    static Optional<String> microphoneProblem() {
        return supported(TargetDataLine.class) ? Optional.empty() : Optional.of(Messages.NO_MICROPHONE);
    }

    static Optional<String> speakerProblem() {
        return supported(SourceDataLine.class) ? Optional.empty() : Optional.of(Messages.NO_SPEAKER);
    }

    static TargetDataLine openMicrophone(int bufferBytes) throws MediaException {
        if (!supported(TargetDataLine.class)) {
            throw new MediaException(Messages.NO_MICROPHONE);
        }
        try {
            TargetDataLine line = (TargetDataLine) AudioSystem.getLine(info(TargetDataLine.class));
            line.open(FORMAT, bufferBytes);
            line.start();
            return line;
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new MediaException(Messages.MICROPHONE_BUSY, e);
        }
    }

    static SourceDataLine openSpeaker(int bufferBytes) throws MediaException {
        if (!supported(SourceDataLine.class)) {
            throw new MediaException(Messages.NO_SPEAKER);
        }
        try {
            SourceDataLine line = (SourceDataLine) AudioSystem.getLine(info(SourceDataLine.class));
            line.open(FORMAT, bufferBytes);
            line.start();
            return line;
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new MediaException(Messages.SPEAKER_BUSY, e);
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
