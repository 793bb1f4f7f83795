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
 * @since 0.1
 */
public record Account(long id, String username, String displayName, String extension, List<String> aliases,
        boolean admin, boolean enabled) {

    /** Copies the alias list so the record stays immutable. */
    public Account {
        aliases = List.copyOf(aliases);
    }
}
