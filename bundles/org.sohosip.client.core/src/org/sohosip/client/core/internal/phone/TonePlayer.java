// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal.phone;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.media.AudioFrame;
import org.sohosip.media.AudioSink;
import org.sohosip.media.AudioSource;

/**
 * Plays one local alert (ringtone, ringback) to a sink in real time, 20 ms at a time, outside any call's media
 * session. Starting a new alert stops the one before.
 */
final class TonePlayer implements AutoCloseable {

    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "SOHOSIP alert tones");
        t.setDaemon(true);
        return t;
    });
    private @Nullable ScheduledFuture<?> running;
    private @Nullable AudioSource source;
    private @Nullable AudioSink sink;

    synchronized void play(AudioSource newSource, AudioSink newSink) {
        stop();
        source = newSource;
        sink = newSink;
        short[] frame = AudioFrame.newFrame();
        running = clock.scheduleAtFixedRate(() -> {
            newSource.read(frame);
            newSink.write(frame);
        }, 0, AudioFrame.MILLIS, TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        ScheduledFuture<?> r = running;
        if (r != null) {
            r.cancel(false);
            running = null;
        }
        AudioSource s = source;
        AudioSink k = sink;
        source = null;
        sink = null;
        // close on the clock thread so a frame being written never meets a closed device
        clock.execute(() -> {
            if (s != null) {
                s.close();
            }
            if (k != null) {
                k.close();
            }
        });
    }

    @Override
    public synchronized void close() {
        stop();
        clock.shutdown();
    }
}
