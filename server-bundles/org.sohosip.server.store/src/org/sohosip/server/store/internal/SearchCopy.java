// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.Contact;
import org.sohosip.server.store.ContactStore;

/**
 * One owner's contacts as a search sees them: a {@link TrigramIndex} built once, plus the writes made since (changed
 * contacts, and ids of the indexed ones they replace or that were deleted). A write makes a new copy in about the time
 * it takes to copy the small list of changes, so the index is not rebuilt for every edit; once the changes pass
 * {@link #MAX_CHANGES} (an import), they are folded into a new index. Immutable.
 */
final class SearchCopy {

    static final int MAX_CHANGES = 2000;

    private final TrigramIndex base;
    /** Created or changed since the index was built, sorted by name. */
    private final List<SearchIndex.Entry> changes;
    /** Indexed contacts not to be shown: changed (their new state is in {@link #changes}) or deleted. */
    private final Set<Long> hidden;

    private SearchCopy(TrigramIndex base, List<SearchIndex.Entry> changes, Set<Long> hidden) {
        this.base = base;
        this.changes = changes;
        this.hidden = hidden;
    }

    /** @param byName all of an owner's contacts, sorted by {@link SearchIndex#BY_NAME} */
    static SearchCopy of(List<SearchIndex.Entry> byName) {
        return new SearchCopy(TrigramIndex.build(byName), List.of(), Set.of());
    }

    /**
     * @return this copy with {@code changed} (created or updated, as committed) and without {@code removed}; of two
     *         states of one contact the higher version wins, since writers may report out of commit order
     */
    SearchCopy with(Collection<SearchIndex.Entry> changed, Set<Long> removed) {
        Map<Long, SearchIndex.Entry> pending = new HashMap<>();
        changes.forEach(e -> pending.put(e.id(), e));
        Set<Long> hide = new HashSet<>(hidden);
        for (SearchIndex.Entry e : changed) {
            SearchIndex.Entry current = pending.get(e.id());
            if (current == null && !hidden.contains(e.id())) {
                current = base.byId(e.id());
            }
            if (current == null || current.contact().version() <= e.contact().version()) {
                pending.put(e.id(), e);
                if (base.byId(e.id()) != null) {
                    hide.add(e.id());
                }
            }
        }
        for (Long id : removed) {
            pending.remove(id);
            if (base.byId(id) != null) {
                hide.add(id);
            }
        }
        List<SearchIndex.Entry> sorted = new ArrayList<>(pending.values());
        sorted.sort(SearchIndex.BY_NAME);
        SearchCopy next = new SearchCopy(base, List.copyOf(sorted), Set.copyOf(hide));
        return sorted.size() + hide.size() > MAX_CHANGES ? next.compacted() : next;
    }

    /** @return the same contacts in a fresh index with no pending changes */
    SearchCopy compacted() {
        List<SearchIndex.Entry> all = new ArrayList<>(base.byName().size() + changes.size());
        base.byName().stream().filter(e -> !hidden.contains(e.id())).forEach(all::add);
        all.addAll(changes);
        all.sort(SearchIndex.BY_NAME);
        return of(all);
    }

    /**
     * @param folded the folded query; empty matches everything
     * @param digits a second form to look for (the query's number digits), or {@code null}
     */
    ContactStore.Page search(String folded, @Nullable String digits, ContactStore.Sort sort, boolean descending,
            int offset, int limit) {
        List<SearchIndex.Entry> fromChanges = changes.stream().filter(e -> matches(e.text(), folded, digits))
                .toList();
        int[] candidates = candidates(folded, digits);
        List<SearchIndex.Entry> indexed = base.byName();
        int count = candidates == null ? indexed.size() : candidates.length;
        if (sort == ContactStore.Sort.NAME && !descending) {
            // Both sources are in name order: merge them, count every match, keep only the page.
            List<Contact> page = new ArrayList<>(Math.min(limit, 64));
            int total = 0;
            int c = 0;
            for (int i = 0; i <= count; i++) {
                SearchIndex.Entry e = null;
                if (i < count) {
                    e = indexed.get(candidates == null ? i : candidates[i]);
                    if (hidden.contains(e.id()) || !matches(e.text(), folded, digits)) {
                        continue;
                    }
                }
                while (c < fromChanges.size() && (e == null || SearchIndex.BY_NAME.compare(fromChanges.get(c), e) < 0)) {
                    total = take(fromChanges.get(c++), total, offset, limit, page);
                }
                if (e != null) {
                    total = take(e, total, offset, limit, page);
                }
            }
            return new ContactStore.Page(page, total);
        }
        List<SearchIndex.Entry> matches = new ArrayList<>(fromChanges);
        for (int i = 0; i < count; i++) {
            SearchIndex.Entry e = indexed.get(candidates == null ? i : candidates[i]);
            if (!hidden.contains(e.id()) && matches(e.text(), folded, digits)) {
                matches.add(e);
            }
        }
        matches.sort(SearchIndex.order(sort, descending));
        int from = Math.min(offset, matches.size());
        int to = (int) Math.min((long) offset + limit, matches.size());
        return new ContactStore.Page(matches.subList(from, to).stream().map(SearchIndex.Entry::contact).toList(),
                matches.size());
    }

    private static int take(SearchIndex.Entry e, int total, int offset, int limit, List<Contact> page) {
        if (total >= offset && page.size() < limit) {
            page.add(e.contact());
        }
        return total + 1;
    }

    /** @return positions in the index that may match, or {@code null} to look at all */
    private int @Nullable [] candidates(String folded, @Nullable String digits) {
        if (folded.isEmpty()) {
            return null;
        }
        int[] byText = base.candidates(folded);
        if (byText == null || digits == null) {
            return byText;
        }
        int[] byDigits = base.candidates(digits);
        return byDigits == null ? null : TrigramIndex.union(byText, byDigits);
    }

    static boolean matches(String text, String folded, @Nullable String digits) {
        return folded.isEmpty() || text.contains(folded) || digits != null && text.contains(digits);
    }
}
