// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

import java.util.List;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Body of {@code PATCH /api/v1/accounts/{id}}: every field left {@code null} stays as it is. The user name cannot
 * change, because the SIP digest values are derived from it.
 *
 * @param displayName new display name
 * @param extension   new extension number
 * @param aliases     new alias list (replaces the old one)
 * @param admin       new administrator flag
 * @param enabled     {@code false} disables the account: it can no longer log in and its tokens stop working
 * @since 0.1
 */
public record AccountChanges(@Nullable String displayName, @Nullable String extension,
        @Nullable List<String> aliases, @Nullable Boolean admin, @Nullable Boolean enabled) {
}
