// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.PhoneNumber;

/**
 * Body of {@code POST /api/v1/contacts} and {@code PUT /api/v1/contacts/{id}}: the fields a user edits. A field left
 * {@code null} is empty (lists) or blank (text); a PUT replaces the whole contact.
 *
 * @param displayName the name shown for the contact (required)
 * @param company     organization
 * @param title       job title
 * @param numbers     phone numbers with their types; {@code normalized} is ignored
 * @param emails      e-mail addresses
 * @param sipAddress  a {@code sip:} URI
 * @param notes       free text
 * @param favourite   favourite flag
 * @param groups      group names
 * @param version     for PUT: the version the change was made on (required there); ignored by POST
 * @since 0.1
 */
public record ContactData(@Nullable String displayName, @Nullable String company, @Nullable String title,
        @Nullable List<PhoneNumber> numbers, @Nullable List<String> emails, @Nullable String sipAddress,
        @Nullable String notes, @Nullable Boolean favourite, @Nullable List<String> groups, @Nullable Long version) {
}
