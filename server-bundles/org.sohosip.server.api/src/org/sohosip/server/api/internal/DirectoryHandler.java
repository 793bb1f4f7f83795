// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;

import org.sohosip.core.Account;
import org.sohosip.core.ContactRules;
import org.sohosip.core.api.DirectoryEntry;
import org.sohosip.server.store.AccountStore;

/**
 * {@code GET /directory?q=}: the company directory, read-only for everyone, built from the enabled accounts. It
 * shows only what a colleague needs to call (name, user name, extension, SIP address): never roles or aliases.
 */
final class DirectoryHandler implements Router.Handler {

    private final AccountStore accounts;
    private final String domain;

    DirectoryHandler(AccountStore accounts, String domain) {
        this.accounts = accounts;
        this.domain = domain;
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        String q = exchange.query("q");
        String query = q == null ? "" : ContactRules.fold(q.strip());
        List<DirectoryEntry> entries = accounts.list().stream().filter(Account::enabled)
                .map(a -> new DirectoryEntry(a.displayName(), a.username(), a.extension(),
                        "sip:" + a.username() + "@" + domain))
                .filter(e -> query.isEmpty() || ContactRules.fold(e.displayName()).contains(query)
                        || e.username().contains(query) || e.extension().contains(query))
                .sorted(Comparator.comparing((DirectoryEntry e) -> ContactRules.fold(e.displayName()))
                        .thenComparing(DirectoryEntry::username))
                .toList();
        exchange.respond(200, entries);
    }
}
