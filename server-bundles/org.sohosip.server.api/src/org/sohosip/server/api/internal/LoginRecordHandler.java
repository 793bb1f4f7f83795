// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.io.IOException;

import org.sohosip.server.store.LoginRecordStore;

/** {@code GET /login-records?limit=N&username=U}: the login log, newest first. */
final class LoginRecordHandler implements Router.Handler {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final LoginRecordStore records;

    LoginRecordHandler(LoginRecordStore records) {
        this.records = records;
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        int limit = limit(exchange.query("limit"));
        String username = exchange.query("username");
        exchange.respond(200, username == null || username.isEmpty() ? records.recent(limit)
                : records.forUser(username, limit));
    }

    static int limit(@org.eclipse.jdt.annotation.Nullable String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalidField("limit", "limit is a whole number from 1 to " + MAX_LIMIT + ".");
    }
}
