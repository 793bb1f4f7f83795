// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.util.Map;
import java.util.Optional;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.Account;
import org.sohosip.server.store.AccountStore;

/**
 * Decides who is calling: resolves the bearer token to the account as it is stored now (so a disabled or demoted
 * account loses its rights at once) and checks the administrator role and network.
 */
public final class Guard {

    private static final String CHALLENGE = "Bearer realm=\"sohosip\"";

    private final TokenService tokens;
    private final AccountStore accounts;
    private final AddressRanges adminNetworks;

    /**
     * @param adminNetworks networks whose requests may use administration endpoints ({@code api.admin.allowFrom})
     */
    public Guard(TokenService tokens, AccountStore accounts, AddressRanges adminNetworks) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.adminNetworks = adminNetworks;
    }

    /**
     * @return the caller of an endpoint that needs a logged-in account
     * @throws ApiException 401 {@code unauthorized} or {@code token_expired}
     */
    public Caller user(@Nullable String authorization) {
        String token = bearer(authorization);
        if (token == null) {
            throw unauthorized("unauthorized", "Log in first and send the token as 'Authorization: Bearer <token>'.",
                    CHALLENGE);
        }
        TokenService.Lookup lookup = tokens.lookup(token);
        if (lookup.status() == TokenService.Status.EXPIRED) {
            throw unauthorized("token_expired", "Your session expired. Log in again.",
                    CHALLENGE + ", error=\"invalid_token\", error_description=\"The token expired\"");
        }
        TokenService.Session session = lookup.session();
        if (session == null) {
            throw invalidToken();
        }
        Optional<Account> account = accounts.find(session.accountId());
        if (account.isEmpty() || !account.get().enabled()) {
            tokens.revokeAccount(session.accountId(), null);
            throw invalidToken();
        }
        return new Caller(account.get(), token);
    }

    /**
     * @return the caller of an administration endpoint
     * @throws ApiException 401 as {@link #user}, 403 {@code forbidden} for non-administrators and for addresses
     *                      outside {@code api.admin.allowFrom}
     */
    public Caller admin(@Nullable String authorization, String address) {
        Caller caller = user(authorization);
        if (!caller.account().admin()) {
            throw ApiException.forbidden("Only administrators may do this.");
        }
        if (!adminNetworks.contains(address)) {
            throw ApiException.forbidden("Administration is not allowed from " + address + ". An administrator can "
                    + "add its network to api.admin.allowFrom in the server configuration.");
        }
        return caller;
    }

    private static ApiException invalidToken() {
        return unauthorized("unauthorized", "The token is not valid (logged out, replaced or revoked). Log in again.",
                CHALLENGE + ", error=\"invalid_token\"");
    }

    private static ApiException unauthorized(String code, String message, String challenge) {
        return new ApiException(401, code, message, Map.of(), Map.of("WWW-Authenticate", challenge));
    }

    private static @Nullable String bearer(@Nullable String authorization) {
        if (authorization == null || authorization.length() < 8
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
