// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Contacts sorted by name with an index of the three-character pieces (trigrams) of their folded search text, so a
 * search for text of three or more characters looks only at the contacts that hold the query's rarest trigram,
 * instead of at every contact. Immutable.
 */
final class TrigramIndex {

    private final List<SearchIndex.Entry> byName;
    private final Map<Long, SearchIndex.Entry> byId;
    /** Trigram to the ascending positions in {@link #byName} of the contacts whose text holds it. */
    private final Map<Long, int[]> postings;

    private TrigramIndex(List<SearchIndex.Entry> byName, Map<Long, int[]> postings) {
        this.byName = byName;
        this.byId = new HashMap<>(byName.size() * 2);
        byName.forEach(e -> byId.put(e.id(), e));
        this.postings = postings;
    }

    /** @param byName contacts sorted by {@link SearchIndex#BY_NAME} */
    static TrigramIndex build(List<SearchIndex.Entry> byName) {
        Map<Long, Positions> building = new HashMap<>();
        for (int position = 0; position < byName.size(); position++) {
            String text = byName.get(position).text();
            for (int i = 0; i + 3 <= text.length(); i++) {
                Positions list = building.computeIfAbsent(key(text, i), k -> new Positions());
                list.add(position); // a trigram seen twice in one text is kept once
            }
        }
        Map<Long, int[]> postings = new HashMap<>(building.size() * 2);
        building.forEach((k, v) -> postings.put(k, v.toArray()));
        return new TrigramIndex(List.copyOf(byName), postings);
    }

    List<SearchIndex.Entry> byName() {
        return byName;
    }

    SearchIndex.@Nullable Entry byId(long id) {
        return byId.get(id);
    }

    /**
     * @return ascending positions of the contacts whose text may contain {@code needle} (a superset: check each),
     *         or {@code null} when the needle is too short to use the index
     */
    int @Nullable [] candidates(String needle) {
        if (needle.length() < 3) {
            return null;
        }
        int[] rarest = null;
        for (int i = 0; i + 3 <= needle.length(); i++) {
            int[] list = postings.get(key(needle, i));
            if (list == null) {
                return new int[0]; // some piece of the query is in no contact at all
            }
            if (rarest == null || list.length < rarest.length) {
                rarest = list;
            }
        }
        return rarest;
    }

    /** @return the sorted union of two ascending position lists */
    static int[] union(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length || j < b.length) {
            int next = j >= b.length || i < a.length && a[i] <= b[j] ? a[i++] : b[j++];
            if (n == 0 || out[n - 1] != next) {
                out[n++] = next;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static long key(String text, int at) {
        return ((long) text.charAt(at) << 32) | ((long) text.charAt(at + 1) << 16) | text.charAt(at + 2);
    }

    /** A growable list of ascending positions. */
    private static final class Positions {
        private int[] items = new int[4];
        private int size;

        void add(int position) {
            if (size > 0 && items[size - 1] == position) {
                return;
            }
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = position;
        }

        int[] toArray() {
            return Arrays.copyOf(items, size);
        }
    }
}
