// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed digest authentications per source address; after too many the address is locked out (its
 * requests that need authentication are refused with 403, whatever they carry) for a while. A success resets the
 * count. The lockout is logged once, when it begins.
 */
final class AuthFailures {

    private static final Logger LOG = LoggerFactory.getLogger(AuthFailures.class);

    private static final class Entry {
        int failures;
        long lockedUntil;
        long last;
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final int lockAfter;
    private final long lockMillis;
    private final LongSupplier clock;

    AuthFailures(int lockAfter, long lockMillis, LongSupplier clock) {
        this.lockAfter = lockAfter;
        this.lockMillis = lockMillis;
        this.clock = clock;
    }

    boolean locked(String address) {
        Entry e = entries.get(address);
        if (e == null) {
            return false;
        }
        synchronized (e) {
            return clock.getAsLong() < e.lockedUntil;
        }
    }

    void failed(String address, String username) {
        if (lockAfter <= 0) {
            return;
        }
        long now = clock.getAsLong();
        Entry e = entries.computeIfAbsent(address, a -> new Entry());
        synchronized (e) {
            if (now >= e.lockedUntil && e.lockedUntil != 0) {
                e.failures = 0; // a lockout that ended starts a new count
                e.lockedUntil = 0;
            }
            e.last = now;
            if (++e.failures == lockAfter) {
                e.lockedUntil = now + lockMillis;
                LOG.warn("SIP address {} locked out for {} s after {} failed authentications (last as '{}')",
                        address, lockMillis / 1000, lockAfter, username);
            }
        }
    }

    void succeeded(String address) {
        if (!entries.isEmpty()) {
            entries.computeIfPresent(address, (a, e) -> {
                synchronized (e) {
                    return clock.getAsLong() < e.lockedUntil ? e : null;
                }
            });
        }
    }

    /** Forgets addresses whose last failure is long past and that are not locked. */
    void sweep() {
        long now = clock.getAsLong();
        entries.entrySet().removeIf(x -> {
            Entry e = x.getValue();
            synchronized (e) {
                return now >= e.lockedUntil && now - e.last > lockMillis;
            }
        });
    }
}
