// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

import java.util.List;

import org.sohosip.core.Contact;

/**
 * Answer of {@code GET /api/v1/contacts}: one page of the caller's contacts.
 *
 * @param items  the contacts on this page
 * @param total  how many contacts match in all
 * @param offset the index of the first item among all matches
 * @param limit  the page size asked for
 * @since 0.1
 */
public record ContactPage(List<Contact> items, long total, int offset, int limit) {

    /** Copies the list. */
    public ContactPage {
        items = List.copyOf(items);
    }
}
