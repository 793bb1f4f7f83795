// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

import org.sohosip.server.store.SipBinding;

/**
 * The location service (RFC 3261 §10.3): the current contacts of each user name. Each user's list is an immutable
 * value replaced atomically, so lookups never lock. Every change marks the user dirty; {@link #takeDirty()} hands
 * the changed users to the writer that persists them, off the SIP threads.
 */
final class Location {

    private static final Comparator<SipBinding> PREFERRED = Comparator.comparingInt(SipBinding::qMilli).reversed()
            .thenComparing(SipBinding::contact);

    /**
     * A refresh that only moves expiry times is saved when they moved this far past what was saved: a phone
     * re-registering many times a minute must not cost a database write each time, and after a restart a binding
     * can then lapse at most this much early (phones refresh well before expiry anyway).
     */
    static final long SAVE_SLACK_MILLIS = 60_000;

    private final ConcurrentMap<String, List<SipBinding>> byUser = new ConcurrentHashMap<>();
    /** What the store holds (or is about to), by user: contact to expiry. */
    private final ConcurrentMap<String, Map<String, Instant>> saved = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final LongSupplier clock;

    Location(LongSupplier clock) {
        this.clock = clock;
    }

    /** Puts bindings read from the store back, without marking anything dirty. */
    void restore(Collection<SipBinding> bindings) {
        for (SipBinding b : bindings) {
            byUser.merge(b.username(), List.of(b), (a, c) -> sorted(concat(a, c)));
        }
        byUser.forEach((user, list) -> saved.put(user, snapshot(list)));
    }

    /** @return the user's unexpired bindings, most preferred (highest q) first */
    List<SipBinding> lookup(String username) {
        List<SipBinding> all = byUser.getOrDefault(username, List.of());
        if (all.isEmpty()) {
            return all;
        }
        Instant now = Instant.ofEpochMilli(clock.getAsLong());
        for (SipBinding b : all) {
            if (!b.expires().isAfter(now)) {
                return all.stream().filter(x -> x.expires().isAfter(now)).toList();
            }
        }
        return all;
    }

    /** Replaces the user's bindings (RFC 3261 §10.3 steps 6 to 8 were decided by the caller). */
    void set(String username, List<SipBinding> bindings) {
        if (bindings.isEmpty()) {
            byUser.remove(username);
        } else {
            byUser.put(username, sorted(bindings));
        }
        if (differsFromSaved(username, bindings)) {
            dirty.add(username);
        }
    }

    private boolean differsFromSaved(String username, List<SipBinding> bindings) {
        Map<String, Instant> stored = saved.getOrDefault(username, Map.of());
        if (stored.size() != bindings.size()) {
            return true;
        }
        for (SipBinding b : bindings) {
            Instant was = stored.get(b.contact());
            if (was == null || b.expires().toEpochMilli() - was.toEpochMilli() > SAVE_SLACK_MILLIS
                    || b.expires().isBefore(was)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Instant> snapshot(List<SipBinding> bindings) {
        Map<String, Instant> map = new HashMap<>();
        for (SipBinding b : bindings) {
            map.put(b.contact(), b.expires());
        }
        return map;
    }

    /** Drops expired bindings from memory; the store drops its own copies separately. */
    void purgeExpired() {
        Instant now = Instant.ofEpochMilli(clock.getAsLong());
        for (String user : byUser.keySet()) {
            byUser.computeIfPresent(user, (u, list) -> {
                List<SipBinding> kept = list.stream().filter(b -> b.expires().isAfter(now)).toList();
                if (kept.isEmpty()) {
                    saved.remove(u); // the store deletes expired rows itself
                }
                return kept.isEmpty() ? null : kept.size() == list.size() ? list : kept;
            });
        }
    }

    /** @return the users changed since the last call, with their current bindings, and forgets them */
    Changes takeDirty() {
        List<String> users = new ArrayList<>();
        for (String user : dirty) {
            dirty.remove(user);
            users.add(user);
        }
        List<SipBinding> bindings = new ArrayList<>();
        for (String user : users) {
            List<SipBinding> now = byUser.getOrDefault(user, List.of());
            bindings.addAll(now);
            if (now.isEmpty()) {
                saved.remove(user);
            } else {
                saved.put(user, snapshot(now));
            }
        }
        return new Changes(users, bindings);
    }

    /** Marks users dirty again after a failed write, so the next one retries. */
    void markDirty(Collection<String> users) {
        users.forEach(saved::remove);
        dirty.addAll(users);
    }

    /** Users whose bindings changed, with their bindings now. */
    record Changes(List<String> users, List<SipBinding> bindings) {
    }

    private static List<SipBinding> concat(List<SipBinding> a, List<SipBinding> b) {
        List<SipBinding> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<SipBinding> sorted(List<SipBinding> bindings) {
        List<SipBinding> copy = new ArrayList<>(bindings);
        copy.sort(PREFERRED);
        return List.copyOf(copy);
    }
}
