// SPDX-License-Identifier: EPL-2.0
package org.sohosip.product.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Sine tones as 8 kHz 16-bit mono WAV files (what a softphone's microphone sends in these tests), and a Goertzel
 * detector telling how much of a recording is one frequency.
 */
final class Tone {

    static final float RATE = 8000f;
    private static final AudioFormat FORMAT = new AudioFormat(RATE, 16, 1, true, false);

    private Tone() {
    }

    /** Writes {@code seconds} of a sine at {@code hertz}, at half of full scale. */
    static Path write(Path file, double hertz, int seconds) throws IOException {
        int n = (int) (RATE * seconds);
        ByteBuffer pcm = ByteBuffer.allocate(n * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            pcm.putShort((short) (16000 * Math.sin(2 * Math.PI * hertz * i / RATE)));
        }
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), FORMAT, n)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    /**
     * @return the share (0 to 1) of the 200 ms windows of {@code wav}, after its first second, in which
     *         {@code hertz} carries most of the signal's power; windows of near silence count as not having it
     */
    static double presence(Path wav, double hertz) throws IOException {
        short[] samples = read(wav);
        int window = (int) (RATE / 5);
        int windows = 0;
        int hits = 0;
        for (int start = (int) RATE; start + window <= samples.length; start += window) {
            windows++;
            double total = 0;
            for (int i = start; i < start + window; i++) {
                total += (double) samples[i] * samples[i];
            }
            total /= window;
            if (total > 1000 * 1000 && share(samples, start, window, hertz, total) > 0.5) {
                hits++;
            }
        }
        return windows == 0 ? 0 : (double) hits / windows;
    }

    /** @return the seconds of audio in {@code wav} */
    static double seconds(Path wav) throws IOException {
        return read(wav).length / RATE;
    }

    /** Goertzel power at {@code hertz}, scaled so a pure sine of that frequency gives 1. */
    private static double share(short[] s, int start, int n, double hertz, double meanPower) {
        double k = 2 * Math.cos(2 * Math.PI * hertz / RATE);
        double s1 = 0;
        double s2 = 0;
        for (int i = start; i < start + n; i++) {
            double s0 = s[i] + k * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = (s1 * s1 + s2 * s2 - k * s1 * s2) / n;
        return power / (meanPower * n / 2);
    }

    private static short[] read(Path wav) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile());
                AudioInputStream pcm = AudioSystem.getAudioInputStream(FORMAT, in)) {
            byte[] bytes = pcm.readAllBytes();
            short[] s = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
            return s;
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(wav + " is not a WAV file Java can read", e);
        }
    }
}
