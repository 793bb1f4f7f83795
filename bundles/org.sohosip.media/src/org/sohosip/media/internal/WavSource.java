// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioFormat.Encoding;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.sohosip.media.AudioFrame;
import org.sohosip.media.AudioSource;
import org.sohosip.media.MediaException;

/**
 * Plays a WAV file. Java Sound parses the file and turns µ-law, A-law and 8-bit PCM into 16-bit PCM (it has no
 * sample-rate converter); channels are mixed down and the rate converted here. The whole file is converted when
 * opened so that reading a frame on the media clock costs nothing.
 */
public final class WavSource implements AudioSource {

    private static final long MAX_SAMPLES = 10L * 60 * AudioFrame.SAMPLE_RATE;

    private final short[] samples;
    private final boolean loop;
    private int position;

    private WavSource(short[] samples, boolean loop) {
        this.samples = samples;
        this.loop = loop;
    }

    /**
     * @param file a WAV file
     * @param loop whether to start over at the end
     * @return the source
     * @throws MediaException with a sentence for people when the file cannot be used
     */
    public static WavSource open(Path file, boolean loop) throws MediaException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
                AudioInputStream original = AudioSystem.getAudioInputStream(in)) {
            AudioFormat format = original.getFormat();
            AudioFormat pcm = new AudioFormat(Encoding.PCM_SIGNED, format.getSampleRate(), 16, format.getChannels(),
                    2 * format.getChannels(), format.getSampleRate(), false);
            try (AudioInputStream decoded = AudioSystem.getAudioInputStream(pcm, original)) {
                byte[] bytes = decoded.readAllBytes();
                float[] mono = mixDown(bytes, format.getChannels());
                int rate = Math.round(format.getSampleRate());
                if ((long) mono.length * AudioFrame.SAMPLE_RATE / Math.max(1, rate) > MAX_SAMPLES) {
                    throw new MediaException("The sound file " + file.getFileName()
                            + " is longer than 10 minutes. Use a shorter file.");
                }
                return new WavSource(Resampler.resample(mono, rate, AudioFrame.SAMPLE_RATE), loop);
            }
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new MediaException("The sound file " + file.getFileName() + " is not a WAV file SOHOSIP can play. "
                    + "Use a WAV file with PCM, µ-law or A-law audio.", e);
        } catch (IOException e) {
            throw new MediaException("The sound file " + file + " could not be read (" + e.getMessage() + ").", e);
        }
    }

    private static float[] mixDown(byte[] bytes, int channels) {
        int frames = bytes.length / (2 * channels);
        float[] mono = new float[frames];
        for (int f = 0; f < frames; f++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                int at = 2 * (f * channels + c);
                sum += (short) ((bytes[at] & 0xFF) | (bytes[at + 1] << 8));
            }
            mono[f] = sum / channels;
        }
        return mono;
    }

    /** @return the converted length in samples at 8 kHz */
    public int length() {
        return samples.length;
    }

    @Override
    public synchronized boolean read(short[] frame) {
        if (samples.length == 0) {
            Arrays.fill(frame, (short) 0);
            return loop;
        }
        int filled = 0;
        while (filled < frame.length) {
            if (position >= samples.length) {
                if (!loop) {
                    Arrays.fill(frame, filled, frame.length, (short) 0);
                    return filled > 0;
                }
                position = 0;
            }
            int n = Math.min(frame.length - filled, samples.length - position);
            System.arraycopy(samples, position, frame, filled, n);
            position += n;
            filled += n;
        }
        return true;
    }
}
