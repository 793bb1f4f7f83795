// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

/**
 * One colleague in the company directory ({@code GET /api/v1/directory}), built from the enabled accounts.
 *
 * @param displayName the colleague's name
 * @param username    the account's user name
 * @param extension   the extension to dial
 * @param sipAddress  {@code sip:<username>@<domain>}
 * @since 0.1
 */
public record DirectoryEntry(String displayName, String username, String extension, String sipAddress) {
}
