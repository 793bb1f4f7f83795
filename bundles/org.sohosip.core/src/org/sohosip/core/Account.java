// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core;

import java.util.List;

/**
 * An office user: a SIP account with its extension number, aliases and role.
 *
 * @param id          store identity, stable for the life of the account
 * @param username    login and SIP user name; never changes after creation
 * @param displayName name shown to people
 * @param extension   the 2-6 digit internal number that reaches this account
 * @param aliases     further names or numbers that reach this account (may be empty)
 * @param admin       whether the account may administer the office
 * @param enabled     whether the account may log in and register
 * @param pstnAllowed whether the account may call outside numbers through a PSTN gateway (emergency numbers are
 *                    always allowed); {@code false} for new accounts unless an administrator grants it
 * @param groups      the groups the account belongs to (route rules may be limited to a group; an inbound number
 *                    may ring every member of a group); may be empty
 * @param outsideCallLimit how many outside (gateway) calls the account may have at the same time, at least 1
 * @since 0.1
 */
public record Account(long id, String username, String displayName, String extension, List<String> aliases,
        boolean admin, boolean enabled, boolean pstnAllowed, List<String> groups, int outsideCallLimit) {

    /** Outside calls an account may have at once unless an administrator says otherwise. */
    public static final int DEFAULT_OUTSIDE_CALL_LIMIT = 2;

    /** Copies the lists so the record stays immutable; a missing limit (older peers) becomes the default. */
    public Account {
        aliases = List.copyOf(aliases);
        groups = groups == null ? List.of() : List.copyOf(groups);
        outsideCallLimit = outsideCallLimit <= 0 ? DEFAULT_OUTSIDE_CALL_LIMIT : outsideCallLimit;
    }

    /**
     * An account without PSTN permission, in no group, with the default outside-call limit: the shape accounts had
     * before the gateway existed.
     */
    public Account(long id, String username, String displayName, String extension, List<String> aliases,
            boolean admin, boolean enabled) {
        this(id, username, displayName, extension, aliases, admin, enabled, false, List.of(),
                DEFAULT_OUTSIDE_CALL_LIMIT);
    }

    /** @return this account with the PSTN permission, groups and outside-call limit of {@code telephony} */
    public Account withTelephony(boolean pstn, List<String> memberOf, int limit) {
        return new Account(id, username, displayName, extension, aliases, admin, enabled, pstn, memberOf, limit);
    }
}
