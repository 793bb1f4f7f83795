// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.sohosip.core.Contact;
import org.sohosip.server.store.ContactStore;

/**
 * Each owner's contacts in memory, with their folded search text, so that a search over tens of thousands of
 * contacts and the page it answers with need no database read at all. Built on an owner's first search and then kept
 * in step with every committed write of that owner (this process is the only writer): a write replaces the copy with
 * a new one that has the change, so a search never sees half a change. A copy older than {@link #MAX_AGE} is
 * rebuilt in the background while searches go on using it, so a row repaired by hand in the database shows up soon
 * and no search waits for the rebuild; copies not used for {@link #IDLE} are let go.
 * <p>
 * A copy being built while a write commits could miss that write: each owner has a generation that every write moves
 * on, and a copy built across a write is used for that one search but never kept.
 */
final class SearchIndex {

    static final Duration MAX_AGE = Duration.ofMinutes(5);
    static final Duration IDLE = Duration.ofMinutes(30);

    /** What a search needs of one contact, and the contact itself. */
    record Entry(long id, String text, String sortName, String sortCompany, Contact contact) {
    }

    /** An owner's search copy and when it was loaded from the database. */
    private record Snapshot(SearchCopy copy, long generation, Instant builtAt, Instant usedAt) {
    }

    static final Comparator<Entry> BY_NAME = Comparator.comparing(Entry::sortName).thenComparingLong(Entry::id);

    private final Map<Long, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<Long, Long> generations = new HashMap<>();
    private final Set<Long> refreshing = ConcurrentHashMap.newKeySet();
    /** Rebuilds stale copies one at a time, off the searching threads; daemon, so it never holds up a stop. */
    private final Executor refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "contact-search-refresh");
        t.setDaemon(true);
        return t;
    });

    /** @return the owner's search copy, loading the contacts with {@code load} when there is no fresh copy */
    SearchCopy copy(long owner, Supplier<List<Entry>> load) {
        Instant now = Instant.now();
        long generation;
        synchronized (this) {
            generation = generations.getOrDefault(owner, 0L);
        }
        Snapshot s = snapshots.get(owner);
        if (s != null && s.generation() == generation) {
            snapshots.replace(owner, s, new Snapshot(s.copy(), generation, s.builtAt(), now));
            if (s.builtAt().plus(MAX_AGE).isBefore(now) && refreshing.add(owner)) {
                refresher.execute(() -> {
                    try {
                        build(owner, load, Instant.now());
                    } catch (RuntimeException e) {
                        // the stale copy stays in use; the next search after this one tries again
                    } finally {
                        refreshing.remove(owner);
                    }
                });
            }
            return s.copy();
        }
        snapshots.values().removeIf(old -> old.usedAt().plus(IDLE).isBefore(now)); // let go of idle copies
        return build(owner, load, now);
    }

    /** Loads the owner's contacts into a new copy, kept unless a write committed meanwhile. */
    private SearchCopy build(long owner, Supplier<List<Entry>> load, Instant now) {
        long generation;
        synchronized (this) {
            generation = generations.getOrDefault(owner, 0L);
        }
        SearchCopy copy = SearchCopy.of(load.get().stream().sorted(BY_NAME).toList());
        synchronized (this) {
            if (generations.getOrDefault(owner, 0L) == generation) {
                snapshots.put(owner, new Snapshot(copy, generation, now, now));
            }
        }
        return copy;
    }

    /**
     * Applies a committed write to the owner's copy, if there is one.
     *
     * @param changed contacts created or updated, as stored now
     * @param removed ids of deleted contacts
     */
    synchronized void written(long owner, Collection<Entry> changed, Set<Long> removed) {
        long generation = generations.merge(owner, 1L, Long::sum);
        Snapshot s = snapshots.remove(owner);
        if (s != null) {
            snapshots.put(owner, new Snapshot(s.copy().with(changed, removed), generation, s.builtAt(), s.usedAt()));
        }
    }

    /** Forgets the owner's copy (a write whose outcome is not known here, e.g. one that failed). */
    synchronized void invalidate(long owner) {
        generations.merge(owner, 1L, Long::sum);
        snapshots.remove(owner);
    }

    static Comparator<Entry> order(ContactStore.Sort sort, boolean descending) {
        Comparator<Entry> c = switch (sort) {
        case NAME -> BY_NAME;
        case COMPANY -> Comparator.comparing(Entry::sortCompany).thenComparing(BY_NAME);
        case CREATED -> Comparator.comparing((Entry e) -> e.contact().created()).thenComparingLong(Entry::id);
        case UPDATED -> Comparator.comparing((Entry e) -> e.contact().updated()).thenComparingLong(Entry::id);
        };
        return descending ? c.reversed() : c;
    }
}
