// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

/**
 * Answer of {@code POST /api/v1/contacts/import}: what was stored, all in one transaction.
 *
 * @param created            contacts added
 * @param duplicatesSkipped  entries left out because they duplicate a contact
 * @param invalidSkipped     entries left out because they could not be read
 * @since 0.1
 */
public record ImportResult(int created, int duplicatesSkipped, int invalidSkipped) {
}
