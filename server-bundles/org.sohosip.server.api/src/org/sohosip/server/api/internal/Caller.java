// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import org.sohosip.core.Account;

/**
 * The authenticated account behind a request and the token it came with.
 *
 * @param account the account as currently stored
 * @param token   the bearer token (never logged)
 */
public record Caller(Account account, String token) {

    @Override
    public String toString() {
        return "Caller[" + account.username() + ", token=***]";
    }
}
