// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The keys a caller presses, from whichever way they arrive: RFC 4733 events, SIP INFO or in-band tones. Each key
 * press counts once: a phone that sends events is not also heard in-band (its audio may carry the tones too), and
 * the same key told by RFC 4733 and INFO at once counts once. The call's thread takes the keys in order.
 */
final class DigitInput {

    /** The caller hung up. */
    static final class HungUp extends Exception {
        private static final long serialVersionUID = 1L;

        HungUp() {
            super("the caller hung up", null, false, false);
        }
    }

    private static final char END = '\0';
    private static final long SAME_PRESS_NANOS = 300_000_000L;

    private final BlockingQueue<Character> keys = new LinkedBlockingQueue<>();
    private volatile boolean outOfBand;
    private volatile boolean ended;
    private char lastKey;
    private String lastWay = "";
    private long lastAt;

    /** A key told as an RFC 4733 event ({@code way} "rtp") or SIP INFO ({@code way} "info"). */
    synchronized void event(char key, String way) {
        outOfBand = true;
        long now = System.nanoTime();
        if (key == lastKey && !way.equals(lastWay) && now - lastAt < SAME_PRESS_NANOS) {
            return; // one press told both ways
        }
        lastKey = key;
        lastWay = way;
        lastAt = now;
        keys.add(key);
    }

    /** A key heard as in-band tones. */
    void tone(char key) {
        if (!outOfBand) {
            keys.add(key);
        }
    }

    void hangUp() {
        ended = true;
        keys.add(END);
    }

    boolean ended() {
        return ended;
    }

    /** @return the next key, or {@code 0} when none came within the time */
    char next(long millis) throws HungUp, InterruptedException {
        Character key = keys.poll(millis, TimeUnit.MILLISECONDS);
        if (key == null) {
            return 0;
        }
        if (key == END) {
            keys.add(END); // every later wait ends too
            throw new HungUp();
        }
        return key;
    }

    /** Forgets keys pressed ahead (before a question is asked again). */
    void clear() {
        keys.clear();
        if (ended) {
            keys.add(END);
        }
    }
}
