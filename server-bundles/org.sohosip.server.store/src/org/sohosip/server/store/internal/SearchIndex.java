// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.sohosip.server.store.ContactStore;

/**
 * The searchable text of each owner's contacts, held in memory so that a search over tens of thousands of contacts
 * is a scan of strings rather than of database rows. Built on an owner's first search, dropped on every write of
 * that owner (this process is the only writer) and after {@link #MAX_AGE}, so a row repaired by hand in the database
 * shows up soon. A search that raced with a write never keeps its outdated copy: each owner has a generation that
 * every write moves on.
 */
final class SearchIndex {

    static final Duration MAX_AGE = Duration.ofMinutes(5);

    /** What a search needs of one contact. */
    record Row(long id, String text, String sortName, String sortCompany, Instant created, Instant updated) {
    }

    private record Snapshot(List<Row> byName, long generation, Instant builtAt) {
    }

    static final Comparator<Row> BY_NAME = Comparator.comparing(Row::sortName).thenComparingLong(Row::id);

    private final Map<Long, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<Long, AtomicLong> generations = new ConcurrentHashMap<>();

    /** @return the owner's rows sorted by name, loading them with {@code load} when there is no fresh copy */
    List<Row> rows(long owner, Supplier<List<Row>> load) {
        long generation = generation(owner).get();
        Snapshot s = snapshots.get(owner);
        if (s != null && s.generation() == generation && s.builtAt().plus(MAX_AGE).isAfter(Instant.now())) {
            return s.byName();
        }
        List<Row> rows = load.get().stream().sorted(BY_NAME).toList();
        if (generation(owner).get() == generation) {
            snapshots.put(owner, new Snapshot(rows, generation, Instant.now()));
        }
        return rows;
    }

    /** Forgets the owner's copy; called after every write of the owner's contacts. */
    void invalidate(long owner) {
        generation(owner).incrementAndGet();
        snapshots.remove(owner);
    }

    private AtomicLong generation(long owner) {
        return generations.computeIfAbsent(owner, o -> new AtomicLong());
    }

    static Comparator<Row> order(ContactStore.Sort sort, boolean descending) {
        Comparator<Row> c = switch (sort) {
        case NAME -> BY_NAME;
        case COMPANY -> Comparator.comparing(Row::sortCompany).thenComparing(BY_NAME);
        case CREATED -> Comparator.comparing(Row::created).thenComparingLong(Row::id);
        case UPDATED -> Comparator.comparing(Row::updated).thenComparingLong(Row::id);
        };
        return descending ? c.reversed() : c;
    }
}
