// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

import java.util.List;
import java.util.Optional;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.Contact;

/**
 * The personal phonebooks. Every method names the owner's account id and only ever sees that owner's contacts: a
 * contact of another owner behaves exactly like one that does not exist. Every method is one transaction.
 *
 * @since 0.1
 */
public interface ContactStore {

    /** How a list is ordered. */
    enum Sort {
        /** By display name (case- and accent-insensitive), then id. */
        NAME,
        /** By company, then name. */
        COMPANY,
        /** By creation time. */
        CREATED,
        /** By last change. */
        UPDATED
    }

    /** A page of matches and how many match in all. */
    record Page(List<Contact> items, long total) {
    }

    /**
     * Creates a contact. The draft's id, times and version are ignored; its numbers must carry their normalized form.
     *
     * @return the stored contact
     */
    Contact create(long ownerId, Contact draft);

    /** Creates all drafts in one transaction: all are stored or none. */
    List<Contact> createAll(long ownerId, List<Contact> drafts);

    /**
     * Replaces the editable fields of contact {@code changed.id()}.
     *
     * @param expectedVersion the version the change was made on
     * @throws NoSuchContactException when the owner has no such contact
     * @throws StaleContactException  when the contact has changed since {@code expectedVersion}; nothing is written
     */
    Contact update(long ownerId, Contact changed, long expectedVersion);

    /**
     * Deletes a contact.
     *
     * @param expectedVersion when not {@code null}, the version the user saw
     * @throws NoSuchContactException when the owner has no such contact
     * @throws StaleContactException  when the contact has changed since {@code expectedVersion}
     */
    void delete(long ownerId, long id, @Nullable Long expectedVersion);

    /** @return the owner's contact with this id */
    Optional<Contact> find(long ownerId, long id);

    /**
     * @param query  text to find in names, companies, titles, e-mail and SIP addresses (case- and accent-insensitive)
     *               or digits to find in numbers; blank lists everything
     * @param digits the query's matching-form number when it looks like a phone number, else empty
     */
    Page search(long ownerId, String query, String digits, Sort sort, boolean descending, int offset, int limit);

    /** @return all of the owner's contacts, by name */
    List<Contact> all(long ownerId);

    /**
     * What import needs to find duplicates, without loading whole contacts.
     *
     * @param displayName      the contact's name
     * @param normalizedNumbers the matching forms of its numbers
     */
    record MatchKey(String displayName, List<String> normalizedNumbers) {
    }

    /** @return name and number forms of each of the owner's contacts */
    List<MatchKey> matchKeys(long ownerId);

    /** @return the owner's contacts having a number with this normalized form */
    List<Contact> byNumber(long ownerId, String normalized);
}
