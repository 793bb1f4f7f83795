// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.voicemail.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.media.AudioEndpoints;
import org.sohosip.media.AudioFrame;
import org.sohosip.media.AudioSink;
import org.sohosip.media.AudioSource;
import org.sohosip.media.MediaException;

/**
 * Plays one message's PCM in real time, one 20 ms frame at a time, to the speaker through Java Sound, or, when the
 * computer has no usable sound device, to a WAV file (the file sink) so that playing still works and can be checked.
 * Position, pause and seek are kept here; listeners hear about them on the player's own thread.
 */
final class Player implements AutoCloseable {

    /** Told of the position (in milliseconds) and whether it plays. */
    interface Listener {
        void changed(long positionMillis, boolean playing);
    }

    /** Position reports while playing: every fifth frame (100 ms) is smooth enough for a seek bar. */
    private static final int REPORT_EVERY = 5;

    private final AudioEndpoints audio;
    private final Path fileSink;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "SOHOSIP voicemail player");
        t.setDaemon(true);
        return t;
    });
    private short[] pcm = new short[0];
    private int position;
    private boolean playing;
    private int ticks;
    private @Nullable AudioSink sink;
    private @Nullable ScheduledFuture<?> ticking;
    private @Nullable String speakerFailure;

    /**
     * @param audio    the sound devices
     * @param fileSink where playback goes when there is no sound device
     */
    Player(AudioEndpoints audio, Path fileSink) {
        this.audio = audio;
        this.fileSink = fileSink;
    }

    /**
     * Reads a message's WAV file into memory (a three-minute message is under 3 MB of samples).
     *
     * @throws MediaException when the file cannot be read
     */
    static short[] read(AudioEndpoints audio, Path wav) throws MediaException {
        short[] all = new short[8000 * 10];
        int n = 0;
        short[] frame = AudioFrame.newFrame();
        try (AudioSource s = audio.wavFile(wav, false)) {
            while (s.read(frame)) {
                if (n + frame.length > all.length) {
                    all = Arrays.copyOf(all, all.length * 2);
                }
                System.arraycopy(frame, 0, all, n, frame.length);
                n += frame.length;
            }
        }
        return Arrays.copyOf(all, n);
    }

    /** @return whether the computer has no sound device to play on (then playback goes to {@link #fileSink()}) */
    boolean noDevice() {
        return audio.speakerProblem().isPresent();
    }

    /** @return why opening the speaker failed although there is one (then playback goes to the file), or empty */
    synchronized Optional<String> speakerFailure() {
        return Optional.ofNullable(speakerFailure);
    }

    /** @return the sound devices */
    AudioEndpoints audio() {
        return audio;
    }

    /** @return the WAV file playback is written to when there is no sound device */
    Path fileSink() {
        return fileSink;
    }

    void addListener(Listener l) {
        listeners.add(l);
    }

    /** Stops what plays and takes a new message, positioned at its start. */
    synchronized void load(short[] samples) {
        stop();
        pcm = samples;
        position = 0;
        tell();
    }

    /**
     * Plays from the current position (from the start again once the end was reached).
     *
     * @throws MediaException when neither the speaker nor the file sink can be opened
     */
    synchronized void play() throws MediaException {
        if (playing || pcm.length == 0) {
            return;
        }
        if (position >= pcm.length) {
            position = 0;
        }
        if (sink == null) {
            sink = openSink();
        }
        playing = true;
        ticks = 0;
        ticking = clock.scheduleAtFixedRate(this::tick, 0, AudioFrame.MILLIS, TimeUnit.MILLISECONDS);
        tell();
    }

    synchronized void pause() {
        if (!playing) {
            return;
        }
        halt();
        tell();
    }

    /** @param millis where to go on, within the message */
    synchronized void seek(long millis) {
        long sample = Math.max(0, Math.min(pcm.length, millis * AudioFrame.SAMPLE_RATE / 1000));
        position = (int) (sample - sample % AudioFrame.SAMPLES);
        tell();
    }

    synchronized long positionMillis() {
        return position * 1000L / AudioFrame.SAMPLE_RATE;
    }

    synchronized long lengthMillis() {
        return pcm.length * 1000L / AudioFrame.SAMPLE_RATE;
    }

    synchronized boolean playing() {
        return playing;
    }

    @Override
    public void close() {
        synchronized (this) {
            stop();
        }
        clock.shutdownNow();
    }

    private AudioSink openSink() throws MediaException {
        if (audio.speakerProblem().isEmpty() && speakerFailure == null) {
            try {
                return audio.openSpeaker();
            } catch (MediaException e) {
                // busy or gone since the check: say so and go on into the file
                speakerFailure = e.getMessage();
            }
        }
        Path folder = fileSink.toAbsolutePath().getParent();
        try {
            if (folder != null) {
                java.nio.file.Files.createDirectories(folder);
            }
        } catch (java.io.IOException e) {
            throw new MediaException("Cannot create the folder " + folder + ": " + e.getMessage(), e);
        }
        return audio.wavRecorder(fileSink);
    }

    private synchronized void tick() {
        AudioSink s = sink;
        if (!playing || s == null) {
            return;
        }
        short[] frame = AudioFrame.newFrame();
        int n = Math.min(frame.length, pcm.length - position);
        System.arraycopy(pcm, position, frame, 0, n);
        s.write(frame);
        position += n;
        if (position >= pcm.length) {
            // the end: closing the sink completes the file sink's WAV
            stop();
            tell();
        } else if (++ticks % REPORT_EVERY == 0) {
            tell();
        }
    }

    private void halt() {
        playing = false;
        ScheduledFuture<?> t = ticking;
        ticking = null;
        if (t != null) {
            t.cancel(false);
        }
    }

    private void stop() {
        halt();
        AudioSink s = sink;
        sink = null;
        if (s != null) {
            s.close();
        }
    }

    private void tell() {
        long at = positionMillis();
        boolean on = playing;
        listeners.forEach(l -> l.changed(at, on));
    }
}
