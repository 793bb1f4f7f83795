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
 * @param pstnAllowed new PSTN permission (outside calls through a gateway)
 * @param groups      new group list (replaces the old one)
 * @param outsideCallLimit new limit of concurrent outside calls (1 to
 *                    {@link org.sohosip.core.AccountRules#MAX_OUTSIDE_CALL_LIMIT})
 * @since 0.1
 */
public record AccountChanges(@Nullable String displayName, @Nullable String extension,
        @Nullable List<String> aliases, @Nullable Boolean admin, @Nullable Boolean enabled,
        @Nullable Boolean pstnAllowed, @Nullable List<String> groups, @Nullable Integer outsideCallLimit) {

    /** Changes that leave the PSTN permission, groups and outside-call limit as they are. */
    public AccountChanges(@Nullable String displayName, @Nullable String extension,
            @Nullable List<String> aliases, @Nullable Boolean admin, @Nullable Boolean enabled) {
        this(displayName, extension, aliases, admin, enabled, null, null, null);
    }
}
