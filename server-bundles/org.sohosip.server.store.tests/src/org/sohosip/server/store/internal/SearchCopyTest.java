// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sohosip.core.Contact;
import org.sohosip.server.store.ContactStore;

/** The in-memory search copy: the trigram index, pending writes on top of it, and folding them in. */
class SearchCopyTest {

    private static SearchIndex.Entry entry(long id, String name, long version) {
        String folded = name.toLowerCase();
        return new SearchIndex.Entry(id, folded + " 09" + id, folded, "", new Contact(id, name, "", "", List.of(),
                List.of(), "", "", false, List.of(), Instant.EPOCH, Instant.ofEpochSecond(id), version));
    }

    private static List<String> names(ContactStore.Page page) {
        return page.items().stream().map(Contact::displayName).toList();
    }

    private static ContactStore.Page find(SearchCopy copy, String q) {
        return copy.search(q, null, ContactStore.Sort.NAME, false, 0, 50);
    }

    @Test
    void indexedSearchFindsExactlyWhatAScanFinds() {
        List<SearchIndex.Entry> entries = new ArrayList<>();
        String[] names = { "Anna Bell", "Hannah Chen", "Joanna Dubois", "Bob Smith", "Annika Rossi", "Zoe Wang" };
        for (int i = 0; i < names.length; i++) {
            entries.add(entry(i + 1, names[i], 1));
        }
        entries.sort(SearchIndex.BY_NAME);
        SearchCopy copy = SearchCopy.of(entries);
        for (String q : List.of("ann", "anna", "an", "a", "", "bob s", "xyz", "nna c", "092", "093", "annax")) {
            List<String> expected = entries.stream().filter(e -> SearchCopy.matches(e.text(), q, null))
                    .map(e -> e.contact().displayName()).toList();
            assertEquals(expected, names(find(copy, q)), q);
            assertEquals(expected.size(), find(copy, q).total(), q);
        }
        assertEquals(List.of("Anna Bell", "Annika Rossi", "Bob Smith", "Hannah Chen", "Joanna Dubois"),
                names(copy.search("ann", "094", ContactStore.Sort.NAME, false, 0, 50)), "either form");
        assertEquals(List.of("Hannah Chen", "Joanna Dubois"), names(copy.search("ann", null, ContactStore.Sort.NAME,
                false, 2, 2)), "paged");
        assertEquals(List.of("Zoe Wang", "Joanna Dubois"), names(copy.search("", null, ContactStore.Sort.UPDATED,
                true, 0, 2)));
    }

    @Test
    void writesOnTopOfTheIndexAndFoldedIn() {
        SearchCopy copy = SearchCopy.of(List.of(entry(1, "Anna Bell", 1), entry(2, "Bob Smith", 1)));
        copy = copy.with(List.of(entry(3, "Annette Ames", 1), entry(1, "Anne Bell", 2)), Set.of(2L));
        assertEquals(List.of("Anne Bell", "Annette Ames"), names(find(copy, "ann")));
        assertEquals(0, find(copy, "bob").total(), "deleted");
        assertEquals(0, find(copy, "anna bell").total(), "the old state of a changed contact is gone");
        copy = copy.with(List.of(entry(1, "Anna Bell", 1)), Set.of());
        assertEquals(List.of("Anne Bell", "Annette Ames"), names(find(copy, "ann")), "an older version loses");
        SearchCopy compacted = copy.compacted();
        assertEquals(names(find(copy, "")), names(find(compacted, "")));
        assertEquals(List.of("Anne Bell", "Annette Ames"), names(find(compacted, "ann")));

        List<SearchIndex.Entry> many = new ArrayList<>();
        for (int i = 10; i < 10 + SearchCopy.MAX_CHANGES + 5; i++) {
            many.add(entry(i, "Imported " + i, 1));
        }
        SearchCopy imported = compacted.with(many, Set.of());
        assertEquals(SearchCopy.MAX_CHANGES + 5 + 2, find(imported, "").total());
        assertEquals(1, find(imported, "imported 2004 ").total());
    }
}
