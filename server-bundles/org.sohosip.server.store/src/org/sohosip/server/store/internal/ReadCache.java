// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Remembers rows that many calls read at once (a mailbox's settings, an account by name) so that a burst of calls
 * does not queue for database connections. This process is the only writer, so a cache that is cleared after each
 * committed write is never stale for long: a read that raced with a write (it started before the write's clearing)
 * is returned but not remembered, because the generation it started in has passed.
 *
 * @param <K> the key
 * @param <V> the value, never {@code null} (use {@code Optional} for "no such row")
 */
final class ReadCache<K, V> {

    private final Map<K, V> values = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final int maxEntries;
    private final Predicate<V> worthKeeping;

    /** @param maxEntries how many values at most are kept; beyond that, reads go to the database */
    ReadCache(int maxEntries) {
        this(maxEntries, value -> true);
    }

    /**
     * @param maxEntries how many values at most are kept; beyond that, reads go to the database
     * @param worthKeeping which loaded values are kept (e.g. not the large ones)
     */
    ReadCache(int maxEntries, Predicate<V> worthKeeping) {
        this.maxEntries = maxEntries;
        this.worthKeeping = worthKeeping;
    }

    /** @return the remembered value, or the loaded one (remembered when no write came in between) */
    V get(K key, Supplier<V> load) {
        V known = values.get(key);
        if (known != null) {
            return known;
        }
        long started = generation.get();
        V loaded = load.get();
        if (generation.get() == started && values.size() < maxEntries && worthKeeping.test(loaded)) {
            values.putIfAbsent(key, loaded);
            if (generation.get() != started) {
                values.remove(key, loaded); // a write committed while it was put
            }
        }
        return loaded;
    }

    /** Forgets everything; call after a committed write. */
    void clear() {
        generation.incrementAndGet();
        values.clear();
    }
}
