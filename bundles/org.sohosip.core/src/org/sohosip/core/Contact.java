// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a user's personal phonebook, as stored on the server.
 *
 * @param id          store identity (unique over all users; never tells whose it is)
 * @param displayName the name shown for the contact
 * @param company     organization, may be empty
 * @param title       job title, may be empty
 * @param numbers     phone numbers in the user's order
 * @param emails      e-mail addresses in the user's order
 * @param sipAddress  a SIP URI such as {@code sip:kate@example.org}, may be empty
 * @param notes       free text, may be empty
 * @param favourite   whether the user marked the contact as a favourite
 * @param groups      the user's group names for the contact
 * @param created     when it was created
 * @param updated     when it was last changed
 * @param version     changes on every update; an update naming an older version is refused
 * @since 0.1
 */
public record Contact(long id, String displayName, String company, String title, List<PhoneNumber> numbers,
        List<String> emails, String sipAddress, String notes, boolean favourite, List<String> groups,
        Instant created, Instant updated, long version) {

    /** Copies the lists so the record stays immutable. */
    public Contact {
        numbers = List.copyOf(numbers);
        emails = List.copyOf(emails);
        groups = List.copyOf(groups);
    }
}
