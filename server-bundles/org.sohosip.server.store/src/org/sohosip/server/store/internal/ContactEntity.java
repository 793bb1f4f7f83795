// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.Contact;
import org.sohosip.core.ContactRules;

/**
 * Row of {@code CONTACTS}. Numbers, e-mail addresses and groups are short lists that are only ever read with their
 * contact, so they are kept as text rather than in tables of their own (one query reads a whole page).
 */
@Entity
@Table(name = "CONTACTS")
public class ContactEntity {

    private static final int MAX_SEARCH_TEXT = 12000;

    /** Assigned by {@link IdBlocks} before persisting, so that inserts can be batched. */
    @Id
    @Column(name = "ID")
    private @Nullable Long id;

    @Column(name = "OWNER_ID", nullable = false, updatable = false)
    private long ownerId;

    @Column(name = "DISPLAY_NAME", nullable = false)
    private String displayName = "";

    @Column(name = "SORT_NAME", nullable = false)
    private String sortName = "";

    @Column(name = "COMPANY", nullable = false)
    private String company = "";

    @Column(name = "SORT_COMPANY", nullable = false)
    private String sortCompany = "";

    @Column(name = "TITLE", nullable = false)
    private String title = "";

    @Column(name = "SIP_ADDRESS", nullable = false)
    private String sipAddress = "";

    @Column(name = "NOTES", nullable = false)
    private String notes = "";

    @Column(name = "FAVOURITE", nullable = false)
    private boolean favourite;

    @Column(name = "EMAILS", nullable = false)
    private String emails = "";

    @Column(name = "GROUP_NAMES", nullable = false)
    private String groups = "";

    @Column(name = "SEARCH_TEXT", nullable = false)
    private String searchText = "";

    @Convert(converter = UtcTimestampConverter.class)
    @Column(name = "CREATED_AT", nullable = false, updatable = false)
    private Instant createdAt = Instant.EPOCH;

    @Convert(converter = UtcTimestampConverter.class)
    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    @Column(name = "NUMBERS", nullable = false)
    private String numbers = "";

    @Column(name = "MATCH_FORMS", nullable = false)
    private String matchForms = "";

    /** For JPA. */
    protected ContactEntity() {
    }

    ContactEntity(long id, long ownerId, Contact draft, Instant now) {
        this.id = id;
        this.ownerId = ownerId;
        this.createdAt = now;
        apply(draft, now);
    }

    /** Copies the editable fields. */
    final void apply(Contact c, Instant now) {
        displayName = c.displayName();
        sortName = cut(ContactRules.fold(c.displayName()), 200);
        company = c.company();
        sortCompany = cut(ContactRules.fold(c.company()), 200);
        title = c.title();
        sipAddress = c.sipAddress();
        notes = c.notes();
        favourite = c.favourite();
        emails = String.join("\n", c.emails());
        groups = String.join("\n", c.groups());
        numbers = NumberText.write(c.numbers());
        matchForms = NumberText.matchForms(c.numbers());
        StringBuilder text = new StringBuilder(ContactRules.fold(String.join(" ", c.displayName(), c.company(),
                c.title(), c.sipAddress(), String.join(" ", c.emails()))));
        text.append(NumberText.searchDigits(c.numbers()));
        searchText = cut(text.toString(), MAX_SEARCH_TEXT);
        updatedAt = now;
    }

    long ownerId() {
        return ownerId;
    }

    long version() {
        return version;
    }

    Contact toContact() {
        return new Contact(Objects.requireNonNull(id, "not yet stored"), displayName, company, title,
                NumberText.read(numbers), lines(emails), sipAddress, notes, favourite,
                lines(groups), createdAt, updatedAt, version);
    }

    /** @return the contact with what a search matches and sorts on, for the in-memory search copy */
    SearchIndex.Entry toEntry() {
        Contact contact = toContact();
        return new SearchIndex.Entry(contact.id(), searchText, sortName, sortCompany, contact);
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    @Override
    public String toString() {
        return "ContactEntity[id=" + id + ", owner=" + ownerId + "]";
    }
}
