// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

import java.util.List;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Body of {@code POST /api/v1/accounts}.
 *
 * @param username    the user name (see {@link org.sohosip.core.AccountRules#checkUsername})
 * @param password    the initial password
 * @param extension   the extension number, 2-6 digits
 * @param displayName the name shown to people
 * @param aliases     further names or numbers, or {@code null} for none
 * @param admin       whether the account is an administrator, or {@code null} for no
 * @param pstnAllowed whether the account may call outside numbers, or {@code null} for no (also for administrators)
 * @param groups      the account's groups, or {@code null} for none
 * @param outsideCallLimit concurrent outside calls allowed, or {@code null} for
 *                    {@link org.sohosip.core.Account#DEFAULT_OUTSIDE_CALL_LIMIT}
 * @since 0.1
 */
public record NewAccount(String username, String password, String extension, String displayName,
        @Nullable List<String> aliases, @Nullable Boolean admin, @Nullable Boolean pstnAllowed,
        @Nullable List<String> groups, @Nullable Integer outsideCallLimit) {

    /** A new account without PSTN permission and groups, as clients that predate the gateway send it. */
    public NewAccount(String username, String password, String extension, String displayName,
            @Nullable List<String> aliases, @Nullable Boolean admin) {
        this(username, password, extension, displayName, aliases, admin, null, null, null);
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "NewAccount[username=" + username + ", extension=" + extension + ", displayName=" + displayName
                + ", aliases=" + aliases + ", admin=" + admin + ", pstnAllowed=" + pstnAllowed + ", groups=" + groups
                + ", outsideCallLimit=" + outsideCallLimit + ", password=***]";
    }
}
