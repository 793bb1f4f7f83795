// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.io.IOException;

import org.sohosip.core.LoginEvent;
import org.sohosip.core.api.LoginResponse;
import org.sohosip.server.store.LoginRecordStore;

/** {@code POST /auth/refresh}, {@code POST /auth/logout} and {@code GET /me}: what a logged-in caller does. */
final class SessionHandlers {

    private final TokenService tokens;
    private final LoginRecordStore records;

    SessionHandlers(TokenService tokens, LoginRecordStore records) {
        this.tokens = tokens;
        this.records = records;
    }

    /** Replaces the caller's token: the old one stops working. */
    void refresh(Exchange exchange) throws IOException {
        Caller caller = exchange.caller();
        tokens.revoke(caller.token());
        TokenService.Issued issued = tokens.issue(caller.account().id());
        exchange.respond(200, new LoginResponse(issued.token(), issued.expiresAt(), caller.account()));
    }

    /** Ends the caller's token and logs the logout. */
    void logout(Exchange exchange) throws IOException {
        Caller caller = exchange.caller();
        tokens.revoke(caller.token());
        records.record(caller.account().username(), LoginEvent.LOGOUT, exchange.address());
        exchange.respond(204);
    }

    /** The caller's own account. */
    void me(Exchange exchange) throws IOException {
        exchange.respond(200, exchange.caller().account());
    }
}
