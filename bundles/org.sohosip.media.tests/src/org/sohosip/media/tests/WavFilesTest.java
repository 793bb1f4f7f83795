// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sohosip.media.AudioFrame;
import org.sohosip.media.MediaException;
import org.sohosip.media.Tone;
import org.sohosip.media.internal.G711;
import org.sohosip.media.internal.GoertzelToneDetector;
import org.sohosip.media.internal.ToneSource;
import org.sohosip.media.internal.WavRecorder;
import org.sohosip.media.internal.WavSource;

/** WAV recording and playing: a round trip, G.711 WAV files, resampling, and files that cannot be played. */
class WavFilesTest {

    @TempDir
    Path dir;

    @Test
    void whatIsRecordedPlaysBackSampleForSample() throws Exception {
        Path file = dir.resolve("call.wav");
        ToneSource tone = new ToneSource(Tone.continuous(1000, -6));
        short[][] written = new short[50][];
        WavRecorder recorder = WavRecorder.create(file);
        for (int i = 0; i < written.length; i++) {
            written[i] = AudioFrame.newFrame();
            tone.read(written[i]);
            recorder.write(written[i]);
        }
        assertFalse(Files.exists(file), "the recording appears only when complete");
        recorder.close();
        assertTrue(Files.exists(file));
        assertFalse(Files.exists(dir.resolve("call.wav.part")));
        assertEquals(44 + 50 * 320, Files.size(file));

        WavSource source = WavSource.open(file, false);
        assertEquals(50 * 160, source.length());
        short[] frame = AudioFrame.newFrame();
        for (short[] expected : written) {
            assertTrue(source.read(frame));
            assertArrayEquals(expected, frame);
        }
        assertFalse(source.read(frame), "the file has ended");
    }

    @Test
    void loopingStartsOver() throws Exception {
        Path file = dir.resolve("short.wav");
        try (WavRecorder recorder = WavRecorder.create(file)) {
            short[] frame = AudioFrame.newFrame();
            frame[0] = 1234;
            recorder.write(frame);
        }
        WavSource source = WavSource.open(file, true);
        short[] frame = AudioFrame.newFrame();
        for (int i = 0; i < 5; i++) {
            assertTrue(source.read(frame));
            assertEquals(1234, frame[0]);
        }
    }

    @Test
    void muLawAndALawFilesPlay() throws Exception {
        for (int format : new int[] {7, 6}) { // WAVE_FORMAT_MULAW, WAVE_FORMAT_ALAW
            short[] pcm = new short[8000];
            new ToneSource(Tone.continuous(1000, -6)).read(pcm);
            byte[] coded = new byte[pcm.length];
            for (int i = 0; i < pcm.length; i++) {
                coded[i] = format == 7 ? G711.encodeUlaw(pcm[i]) : G711.encodeAlaw(pcm[i]);
            }
            Path file = dir.resolve("g711-" + format + ".wav");
            Files.write(file, wav(format, 8000, 1, 8, coded));
            WavSource source = WavSource.open(file, false);
            assertEquals(8000, source.length());
            short[] frame = AudioFrame.newFrame();
            source.read(frame);
            for (int i = 0; i < frame.length; i++) {
                short expected = format == 7 ? G711.decodeUlaw(coded[i]) : G711.decodeAlaw(coded[i]);
                assertTrue(Math.abs(expected - frame[i]) <= 8, "sample " + i + " of format " + format);
            }
            assertTone(source, 1000);
        }
    }

    @Test
    void otherRatesAndStereoAreConvertedTo8kMono() throws Exception {
        int rate = 44100;
        int seconds = 1;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int i = 0; i < rate * seconds; i++) {
            short left = (short) (12000 * Math.sin(2 * Math.PI * 1000 * i / rate));
            short right = (short) (12000 * Math.sin(2 * Math.PI * 1000 * i / rate)
                    + 6000 * Math.sin(2 * Math.PI * 6000 * i / rate)); // 6 kHz must not alias into the call
            for (short s : new short[] {left, right}) {
                data.write(s & 0xFF);
                data.write((s >> 8) & 0xFF);
            }
        }
        Path file = dir.resolve("cd.wav");
        Files.write(file, wav(1, rate, 2, 16, data.toByteArray()));
        WavSource source = WavSource.open(file, false);
        assertEquals(8000, source.length(), 1);
        assertTone(source, 1000);
        GoertzelToneDetector alias = new GoertzelToneDetector(2000); // 6 kHz would fold to 2 kHz
        WavSource again = WavSource.open(file, false);
        short[] frame = AudioFrame.newFrame();
        while (again.read(frame)) {
            alias.write(frame);
        }
        assertEquals(0, alias.framesPresent(2000), "no aliasing");
    }

    @Test
    void aFileThatIsNotWavIsRefusedInPlainWords() throws Exception {
        Path file = dir.resolve("notes.wav");
        Files.writeString(file, "these are not sounds");
        MediaException e = assertThrows(MediaException.class, () -> WavSource.open(file, false));
        assertTrue(e.getMessage().contains("notes.wav") && e.getMessage().contains("WAV"), e.getMessage());
        MediaException missing = assertThrows(MediaException.class,
                () -> WavSource.open(dir.resolve("missing.wav"), false));
        assertTrue(missing.getMessage().contains("missing.wav"), missing.getMessage());
    }

    private static void assertTone(WavSource source, double hz) {
        GoertzelToneDetector detector = new GoertzelToneDetector(hz);
        short[] frame = AudioFrame.newFrame();
        while (source.read(frame)) {
            detector.write(frame);
        }
        assertTrue(detector.framesPresent(hz) >= detector.framesAnalysed() - 2,
                detector.framesPresent(hz) + " of " + detector.framesAnalysed() + " frames carry " + hz + " Hz");
    }

    /** A canonical WAV file: RIFF header, fmt chunk (with cbSize for non-PCM), data. */
    static byte[] wav(int format, int rate, int channels, int bits, byte[] data) {
        boolean pcm = format == 1;
        int fmtSize = pcm ? 16 : 18;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes());
        le(out, 4 + 8 + fmtSize + 8 + data.length, 4);
        out.writeBytes("WAVE".getBytes());
        out.writeBytes("fmt ".getBytes());
        le(out, fmtSize, 4);
        le(out, format, 2);
        le(out, channels, 2);
        le(out, rate, 4);
        le(out, rate * channels * bits / 8, 4);
        le(out, channels * bits / 8, 2);
        le(out, bits, 2);
        if (!pcm) {
            le(out, 0, 2);
        }
        if (!pcm) {
            out.writeBytes("fact".getBytes());
            le(out, 4, 4);
            le(out, data.length / channels, 4);
        }
        out.writeBytes("data".getBytes());
        le(out, data.length, 4);
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static void le(ByteArrayOutputStream out, int value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((value >> (8 * i)) & 0xFF);
        }
    }
}
