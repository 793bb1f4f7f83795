// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
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

    private final ConcurrentMap<String, List<SipBinding>> byUser = new ConcurrentHashMap<>();
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
        dirty.add(username);
    }

    /** Drops expired bindings from memory; the store drops its own copies separately. */
    void purgeExpired() {
        Instant now = Instant.ofEpochMilli(clock.getAsLong());
        for (String user : byUser.keySet()) {
            byUser.computeIfPresent(user, (u, list) -> {
                List<SipBinding> kept = list.stream().filter(b -> b.expires().isAfter(now)).toList();
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
            bindings.addAll(byUser.getOrDefault(user, List.of()));
        }
        return new Changes(users, bindings);
    }

    /** Marks users dirty again after a failed write, so the next one retries. */
    void markDirty(Collection<String> users) {
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
