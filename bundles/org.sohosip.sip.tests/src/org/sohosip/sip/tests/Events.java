// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Records events from listener threads and lets a test wait for one that matches, with a deadline. Events that do
 * not match stay recorded, so later waits can still find them.
 *
 * @param <T> the event type
 */
final class Events<T> {

    private final LinkedBlockingQueue<T> incoming = new LinkedBlockingQueue<>();
    private final List<T> seen = new ArrayList<>();
    private final List<T> consumed = new ArrayList<>();

    void add(T event) {
        incoming.add(event);
    }

    /** Waits for a matching event that was not consumed before, and consumes it. */
    T await(Predicate<T> matches, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (seen) {
            for (int i = 0; i < seen.size(); i++) {
                if (matches.test(seen.get(i))) {
                    consumed.add(seen.get(i));
                    return seen.remove(i);
                }
            }
            try {
                while (true) {
                    long left = deadline - System.nanoTime();
                    T e = left > 0 ? incoming.poll(left, TimeUnit.NANOSECONDS) : null;
                    if (e == null) {
                        return fail("timed out after " + timeout + " waiting for " + what + "; saw " + seen);
                    }
                    if (matches.test(e)) {
                        consumed.add(e);
                        return e;
                    }
                    seen.add(e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted waiting for " + what);
            }
        }
    }

    /** @return whether a matching event was reported so far (consumed or not) */
    boolean happened(Predicate<T> matches) {
        synchronized (seen) {
            incoming.drainTo(seen);
            return seen.stream().anyMatch(matches) || consumed.stream().anyMatch(matches);
        }
    }

    /**
     * @return whether a matching event arrives from now on within the time (used to prove that something does not
     *         happen)
     */
    boolean arrives(Predicate<T> matches, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (seen) {
            incoming.drainTo(seen);
            try {
                while (true) {
                    long left = deadline - System.nanoTime();
                    T e = left > 0 ? incoming.poll(left, TimeUnit.NANOSECONDS) : null;
                    if (e == null) {
                        return false;
                    }
                    seen.add(e);
                    if (matches.test(e)) {
                        return true;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
