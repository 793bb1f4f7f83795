// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.Account;
import org.sohosip.core.LoginEvent;
import org.sohosip.core.api.LoginRequest;
import org.sohosip.core.api.LoginResponse;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.Credentials;
import org.sohosip.server.store.LoginRecordStore;

/**
 * {@code POST /auth/login}. Unknown user, wrong password and disabled account get the same answer, and an unknown
 * user still costs one password hash, so neither the body nor the timing tells which user names exist.
 */
final class LoginHandler implements Router.Handler {

    private static final Logger LOG = LoggerFactory.getLogger(LoginHandler.class);
    /** User names in the login log are cut to this length: they are whatever a client sent. */
    private static final int MAX_RECORDED_NAME = 64;

    private final AccountStore accounts;
    private final LoginRecordStore records;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final String realm;
    private volatile @Nullable Credentials decoy;

    LoginHandler(AccountStore accounts, LoginRecordStore records, TokenService tokens, LoginThrottle throttle,
            String realm) {
        this.accounts = accounts;
        this.records = records;
        this.tokens = tokens;
        this.throttle = throttle;
        this.realm = realm;
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        String address = exchange.address();
        Duration locked = throttle.lockedFor(address);
        if (!locked.isZero()) {
            String username = readableName(exchange);
            records.record(username, LoginEvent.REFUSED, address);
            long seconds = Math.max(1, (locked.toMillis() + 999) / 1000);
            throw new ApiException(429, "too_many_attempts", "Too many failed logins from your address. Try again "
                    + "in " + seconds + " seconds.", Map.of(), Map.of("Retry-After", Long.toString(seconds)));
        }
        LoginRequest request = exchange.body(LoginRequest.class);
        Map<String, String> missing = new java.util.LinkedHashMap<>();
        if (request.username() == null) {
            missing.put("username", AccountValidator.REQUIRED);
        }
        if (request.password() == null) {
            missing.put("password", AccountValidator.REQUIRED);
        }
        if (!missing.isEmpty()) {
            throw ApiException.invalidFields(missing);
        }
        Duration delay = throttle.delayFor(address);
        if (delay.isZero()) {
            answer(exchange, request, address);
        } else {
            exchange.defer(delay, ex -> answer(ex, request, address));
        }
    }

    private void answer(Exchange exchange, LoginRequest request, String address) throws IOException {
        String username = request.username();
        Optional<Credentials> credentials = accounts.credentials(username);
        boolean passwordOk = credentials.orElseGet(this::decoy).matches(request.password())
                && credentials.isPresent();
        Optional<Account> account = passwordOk ? accounts.findByUsername(username) : Optional.empty();
        if (account.isEmpty() || !account.get().enabled()) {
            records.record(cut(username), LoginEvent.FAILED, address);
            if (throttle.recordFailure(address)) {
                LOG.warn("Logins from {} are refused for the next {} after {} failed attempts", address,
                        throttle.lockedFor(address), throttle.failures(address));
            }
            throw new ApiException(401, "unauthorized", "The user name or password is wrong, or the account is "
                    + "disabled.", Map.of(), Map.of("WWW-Authenticate", "Bearer realm=\"sohosip\""));
        }
        throttle.recordSuccess(address);
        records.record(username, LoginEvent.LOGIN, address);
        TokenService.Issued issued = tokens.issue(account.get().id());
        exchange.respond(200, new LoginResponse(issued.token(), issued.expiresAt(), account.get()));
    }

    /** Derives the decoy credentials ahead of the first unknown user name, so that it is not slower. */
    void warmUp() {
        decoy();
    }

    /** @return credentials for a random password, checked against when the user name is unknown */
    private Credentials decoy() {
        Credentials known = decoy;
        if (known == null) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            known = Credentials.derive("unknown", realm, Base64.getEncoder().encodeToString(random));
            decoy = known;
        }
        return known;
    }

    private static String readableName(Exchange exchange) {
        try {
            LoginRequest request = exchange.body(LoginRequest.class);
            return request.username() == null ? "" : cut(request.username());
        } catch (ApiException e) {
            return "";
        }
    }

    private static String cut(String username) {
        return username.length() <= MAX_RECORDED_NAME ? username : username.substring(0, MAX_RECORDED_NAME);
    }
}
