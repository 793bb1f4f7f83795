// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.media.AudioFrame;
import org.sohosip.media.AudioSink;
import org.sohosip.media.MediaException;

/**
 * Records frames to a 16-bit 8 kHz mono WAV file. It writes to {@code <name>.part} and moves it into place on
 * close, after the RIFF sizes are filled in, so the named file is either absent or complete.
 */
public final class WavRecorder implements AudioSink {

    private static final Logger LOG = LoggerFactory.getLogger(WavRecorder.class);
    private static final int HEADER = 44;

    private final Path file;
    private final Path part;
    private @Nullable OutputStream out;
    private long dataBytes;
    private final byte[] bytes = new byte[2 * AudioFrame.SAMPLES];

    private WavRecorder(Path file, Path part, OutputStream out) {
        this.file = file;
        this.part = part;
        this.out = out;
    }

    /**
     * @param file the recording to make
     * @return the recorder
     * @throws MediaException when the file cannot be created
     */
    public static WavRecorder create(Path file) throws MediaException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try {
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(part));
            out.write(header(0));
            return new WavRecorder(file, part, out);
        } catch (IOException e) {
            throw new MediaException("The recording " + file + " could not be created (" + e.getMessage() + ").", e);
        }
    }

    @Override
    public synchronized void write(short[] frame) {
        OutputStream stream = out;
        if (stream == null) {
            return;
        }
        for (int i = 0; i < frame.length; i++) {
            bytes[2 * i] = (byte) frame[i];
            bytes[2 * i + 1] = (byte) (frame[i] >> 8);
        }
        try {
            stream.write(bytes, 0, 2 * frame.length);
            dataBytes += 2L * frame.length;
        } catch (IOException e) {
            LOG.warn("Writing the recording {} failed; it stops here", file, e);
            abandon();
        }
    }

    @Override
    public synchronized void close() {
        OutputStream stream = out;
        if (stream == null) {
            return;
        }
        out = null;
        try {
            stream.close();
            try (RandomAccessFile raf = new RandomAccessFile(part.toFile(), "rw")) {
                raf.write(header(dataBytes));
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Finishing the recording {} failed", file, e);
        }
    }

    private void abandon() {
        try {
            OutputStream stream = out;
            out = null;
            if (stream != null) {
                stream.close();
            }
            Files.deleteIfExists(part);
        } catch (IOException e) {
            LOG.debug("Could not remove {}", part, e);
        }
    }

    static byte[] header(long dataBytes) {
        byte[] h = new byte[HEADER];
        ascii(h, 0, "RIFF");
        le32(h, 4, 36 + dataBytes);
        ascii(h, 8, "WAVE");
        ascii(h, 12, "fmt ");
        le32(h, 16, 16);
        le16(h, 20, 1); // PCM
        le16(h, 22, 1); // mono
        le32(h, 24, AudioFrame.SAMPLE_RATE);
        le32(h, 28, 2L * AudioFrame.SAMPLE_RATE);
        le16(h, 32, 2);
        le16(h, 34, 16);
        ascii(h, 36, "data");
        le32(h, 40, dataBytes);
        return h;
    }

    private static void ascii(byte[] h, int at, String text) {
        for (int i = 0; i < 4; i++) {
            h[at + i] = (byte) text.charAt(i);
        }
    }

    private static void le16(byte[] h, int at, int value) {
        h[at] = (byte) value;
        h[at + 1] = (byte) (value >> 8);
    }

    private static void le32(byte[] h, int at, long value) {
        for (int i = 0; i < 4; i++) {
            h[at + i] = (byte) (value >> (8 * i));
        }
    }
}
