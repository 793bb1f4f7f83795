// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.Account;
import org.sohosip.server.store.AccountChangeListener;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.Credentials;

/**
 * What the proxy needs of accounts on every request, kept in memory: digest HA1 values by user name and accounts by
 * the names that reach them (user name, extension, alias). A database query per request would cap the proxy far
 * below what phones can send. The store tells this cache about every account change, and the cache then forgets
 * everything: changes are rare, and forgetting all is obviously right. Unknown names are remembered too (as
 * absent), so a flood of made-up user names does not reach the database either; the maps are cleared when they grow
 * past a bound.
 */
final class AccountCache implements AccountChangeListener {

    /** HA1 values of an enabled account whose credentials were made for this realm. */
    record Secrets(String username, String ha1Md5, String ha1Sha256) {

        String ha1(DigestAlgorithm algorithm) {
            return algorithm == DigestAlgorithm.SHA256 ? ha1Sha256 : ha1Md5;
        }

        @Override
        public String toString() {
            return "Secrets[" + username + ", ***]";
        }
    }

    private static final int MAX_ENTRIES = 50_000;

    private final AccountStore store;
    private final String realm;
    private final ConcurrentMap<String, Optional<Secrets>> secrets = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Optional<Account>> targets = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    AccountCache(AccountStore store, String realm) {
        this.store = store;
        this.realm = realm;
    }

    /** @return the digest secrets of an enabled account with this user name, if there is one */
    @Nullable
    Secrets secrets(String username) {
        Optional<Secrets> cached = secrets.get(username);
        if (cached == null) {
            long seen = generation.get();
            cached = loadSecrets(username);
            bounded(secrets);
            if (seen == generation.get()) { // not if the accounts changed while loading
                secrets.put(username, cached);
            }
        }
        return cached.orElse(null);
    }

    /** @return the enabled account reached by a user name, extension or alias, if there is one */
    @Nullable
    Account target(String name) {
        Optional<Account> cached = targets.get(name);
        if (cached == null) {
            long seen = generation.get();
            cached = store.findByUsername(name).or(() -> store.findByExtension(name))
                    .or(() -> store.findByAlias(name)).filter(Account::enabled);
            bounded(targets);
            if (seen == generation.get()) {
                targets.put(name, cached);
            }
        }
        return cached.orElse(null);
    }

    @Override
    public void accountChanged(long accountId) {
        generation.incrementAndGet();
        secrets.clear();
        targets.clear();
    }

    private Optional<Secrets> loadSecrets(String username) {
        Optional<Account> account = store.findByUsername(username).filter(Account::enabled);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        Optional<Credentials> credentials = store.credentials(username);
        // HA1 values made for another realm (the domain was changed) cannot verify anything.
        return credentials.filter(c -> c.realm().equals(realm))
                .map(c -> new Secrets(username, c.ha1Md5(), c.ha1Sha256()));
    }

    private static void bounded(ConcurrentMap<?, ?> map) {
        if (map.size() > MAX_ENTRIES) {
            map.clear();
        }
    }
}
