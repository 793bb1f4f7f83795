// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import org.sohosip.media.AudioFrame;
import org.sohosip.media.AudioSource;

/**
 * What the caller hears: a queue of clips (prompts, a greeting, a message) played one after another, then silence.
 * The media session reads it every 20 ms; the call's own thread queues, stops and seeks.
 */
final class PromptPlayer implements AudioSource {

    private final Deque<short[]> queue = new ArrayDeque<>();
    private short[] current = new short[0];
    private int position;

    /** Replaces whatever plays with these clips. */
    synchronized void play(List<short[]> clips) {
        queue.clear();
        queue.addAll(clips);
        current = new short[0];
        position = 0;
    }

    synchronized void stop() {
        play(List.of());
    }

    /** @return whether everything queued has been played */
    synchronized boolean idle() {
        return position >= current.length && queue.isEmpty();
    }

    /** Moves within the clip playing now (a message: # forward, * back), by whole samples. */
    synchronized void seek(int deltaMillis) {
        int target = position + deltaMillis * AudioFrame.SAMPLE_RATE / 1000;
        position = Math.max(0, Math.min(current.length, target));
    }

    @Override
    public synchronized boolean read(short[] frame) {
        int filled = 0;
        while (filled < frame.length) {
            if (position >= current.length) {
                short[] next = queue.poll();
                if (next == null) {
                    break;
                }
                current = next;
                position = 0;
                continue;
            }
            int n = Math.min(frame.length - filled, current.length - position);
            System.arraycopy(current, position, frame, filled, n);
            position += n;
            filled += n;
        }
        Arrays.fill(frame, filled, frame.length, (short) 0);
        return true; // silence after the end: the call goes on
    }
}
