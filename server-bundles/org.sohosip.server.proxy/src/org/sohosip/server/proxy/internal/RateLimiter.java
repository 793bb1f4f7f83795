// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pike-style flood protection: counts requests per source address in one-second windows; an address that sends
 * more than the limit in a window is blocked (its requests dropped without an answer, which is what a flood
 * deserves) for a while. Logged once per block.
 */
final class RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

    private static final class Window {
        long second;
        int count;
        long blockedUntil;
    }

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final int limit;
    private final long blockMillis;
    private final LongSupplier clock;

    /** @param limit requests per second and address; 0 or less turns the limit off */
    RateLimiter(int limit, long blockMillis, LongSupplier clock) {
        this.limit = limit;
        this.blockMillis = blockMillis;
        this.clock = clock;
    }

    /** @return whether a request from {@code address} may be processed */
    boolean allow(String address) {
        if (limit <= 0) {
            return true;
        }
        long now = clock.getAsLong();
        Window w = windows.computeIfAbsent(address, a -> new Window());
        synchronized (w) {
            if (now < w.blockedUntil) {
                return false;
            }
            long second = now / 1000;
            if (second != w.second) {
                w.second = second;
                w.count = 0;
            }
            if (++w.count > limit) {
                w.blockedUntil = now + blockMillis;
                LOG.warn("SIP requests from {} blocked for {} s: more than {} requests per second", address,
                        blockMillis / 1000, limit);
                return false;
            }
            return true;
        }
    }

    /** Forgets addresses that have been quiet and are not blocked, so the map does not grow without end. */
    void sweep() {
        long now = clock.getAsLong();
        windows.entrySet().removeIf(e -> {
            Window w = e.getValue();
            synchronized (w) {
                return now >= w.blockedUntil && now / 1000 - w.second > 10;
            }
        });
    }
}
