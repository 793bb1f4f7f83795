// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.sohosip.core.Account;
import org.sohosip.core.api.AccountChanges;
import org.sohosip.core.api.NewAccount;
import org.sohosip.core.api.PasswordChange;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.Credentials;
import org.sohosip.server.store.DuplicateException;
import org.sohosip.server.store.NoSuchAccountException;

/**
 * The administration of accounts. Every body is validated completely before the store is touched, and each store
 * call is one transaction, so a refused request leaves nothing behind.
 */
final class AccountHandlers {

    private final AccountStore accounts;
    private final TokenService tokens;
    private final String realm;

    AccountHandlers(AccountStore accounts, TokenService tokens, String realm) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.realm = realm;
    }

    /** All accounts, by user name. */
    void list(Exchange exchange) throws IOException {
        exchange.respond(200, accounts.list());
    }

    /** Creates an account from a {@link NewAccount}. */
    void create(Exchange exchange) throws IOException {
        NewAccount body = exchange.body(NewAccount.class);
        Map<String, String> problems = AccountValidator.check(body);
        if (!problems.isEmpty()) {
            throw ApiException.invalidFields(problems);
        }
        // No PSTN permission unless asked for, also for administrators: outside calls cost money.
        Account draft = new Account(0, body.username(), body.displayName(), body.extension(),
                body.aliases() == null ? List.of() : body.aliases(), Boolean.TRUE.equals(body.admin()), true,
                Boolean.TRUE.equals(body.pstnAllowed()), body.groups() == null ? List.of() : body.groups(),
                body.outsideCallLimit() == null ? Account.DEFAULT_OUTSIDE_CALL_LIMIT : body.outsideCallLimit());
        Credentials credentials = Credentials.derive(body.username(), realm, body.password());
        Account created;
        try {
            created = accounts.create(draft, credentials);
        } catch (DuplicateException e) {
            throw ApiException.duplicate(e.field(), e.getMessage());
        }
        exchange.setHeader("Location", Endpoint.BASE + "/accounts/" + created.id());
        exchange.respond(201, created);
    }

    /** One account. */
    void get(Exchange exchange) throws IOException {
        exchange.respond(200, find(exchange.id("id")));
    }

    /** Applies the fields present in an {@link AccountChanges}. */
    void update(Exchange exchange) throws IOException {
        long id = exchange.id("id");
        AccountChanges body = exchange.body(AccountChanges.class);
        Map<String, String> problems = AccountValidator.check(body);
        Caller caller = exchange.caller();
        if (caller.account().id() == id) {
            // An office must not lock itself out by accident: another administrator has to do this.
            if (Boolean.FALSE.equals(body.enabled())) {
                problems.put("enabled", "You cannot disable your own account.");
            }
            if (Boolean.FALSE.equals(body.admin())) {
                problems.put("admin", "You cannot remove your own administrator role.");
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalidFields(problems);
        }
        Account old = find(id);
        Account changed = new Account(id, old.username(), or(body.displayName(), old.displayName()),
                or(body.extension(), old.extension()), or(body.aliases(), old.aliases()),
                or(body.admin(), old.admin()), or(body.enabled(), old.enabled()),
                or(body.pstnAllowed(), old.pstnAllowed()), or(body.groups(), old.groups()),
                or(body.outsideCallLimit(), old.outsideCallLimit()));
        Account stored;
        try {
            stored = accounts.update(changed);
        } catch (DuplicateException e) {
            throw ApiException.duplicate(e.field(), e.getMessage());
        } catch (NoSuchAccountException e) {
            throw ApiException.notFound(e.getMessage());
        }
        if (!stored.enabled()) {
            tokens.revokeAccount(id, null);
        }
        exchange.respond(200, stored);
    }

    /** Replaces an account's password; its other sessions end. */
    void resetPassword(Exchange exchange) throws IOException {
        long id = exchange.id("id");
        PasswordChange body = exchange.body(PasswordChange.class);
        Map<String, String> problems = AccountValidator.check(body);
        if (!problems.isEmpty()) {
            throw ApiException.invalidFields(problems);
        }
        Account account = find(id);
        try {
            accounts.setCredentials(id, Credentials.derive(account.username(), realm, body.password()));
        } catch (NoSuchAccountException e) {
            throw ApiException.notFound(e.getMessage());
        }
        tokens.revokeAccount(id, exchange.caller().token());
        exchange.respond(204);
    }

    private Account find(long id) {
        return accounts.find(id).orElseThrow(() -> ApiException.notFound("There is no account with id " + id + "."));
    }

    private static <T> T or(@org.eclipse.jdt.annotation.Nullable T value, T fallback) {
        return value != null ? value : fallback;
    }
}
