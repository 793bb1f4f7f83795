// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

import java.time.Instant;

import org.sohosip.core.Account;

/**
 * Answer to a successful login: the bearer token and the account it belongs to.
 *
 * @param token     opaque bearer token for the {@code Authorization} header
 * @param expiresAt when the token stops being accepted
 * @param account   the logged-in account
 * @since 0.1
 */
public record LoginResponse(String token, Instant expiresAt, Account account) {

    /** Keeps the token out of logs. */
    @Override
    public String toString() {
        return "LoginResponse[token=***, expiresAt=" + expiresAt + ", account=" + account.username() + "]";
    }
}
