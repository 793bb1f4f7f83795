// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.Account;
import org.sohosip.server.store.AccountChangeListener;
import org.sohosip.server.store.AccountStore;

/**
 * What the proxy needs of accounts on every request, kept in memory: digest HA1 values by user name and accounts by
 * the names that reach them (user name, extension, alias). A database query per request would cap the proxy far
 * below what phones can send: before the whole table was kept, every registration or call of a phone not seen since
 * the last change cost several queries on the SIP worker threads.
 * <p>
 * The whole account table (an office's: hundreds or a few thousand rows) is loaded in the background at start into a
 * {@link Snapshot}. The store tells this cache about every committed change: the changed account is taken out of the
 * snapshot at once (so nothing stale is ever answered) and read again in the background. While a change is being
 * read, and before the first snapshot is there, a name the snapshot does not know is looked up in the store one by
 * one and remembered (unknown names too, as absent, so a flood of made-up names does not reach the database; those
 * maps are forgotten on every change and when they grow past a bound).
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

    /** Accounts by every name that reaches them, and secrets by user name; immutable, replaced as a whole. */
    record Snapshot(Map<String, Secrets> secrets, Map<String, Account> byUsername, Map<String, Account> byExtension,
            Map<String, Account> byAlias) {

        /** Disabled accounts are kept so that their names reach nobody, as with the lookups one by one. */
        @Nullable
        Account target(String name) {
            Account a = byUsername.get(name);
            if (a == null) {
                a = byExtension.get(name);
            }
            if (a == null) {
                a = byAlias.get(name);
            }
            return a != null && a.enabled() ? a : null;
        }

        Snapshot without(long id) {
            Map<String, Account> users = new HashMap<>(byUsername);
            Map<String, Secrets> keys = new HashMap<>(secrets);
            for (Account a : byUsername.values()) {
                if (a.id() == id) {
                    users.remove(a.username());
                    keys.remove(a.username());
                }
            }
            return new Snapshot(Map.copyOf(keys), Map.copyOf(users), withoutId(byExtension, id),
                    withoutId(byAlias, id));
        }

        Snapshot with(Account a, @Nullable Secrets s) {
            Map<String, Account> users = new HashMap<>(byUsername);
            Map<String, Secrets> keys = new HashMap<>(secrets);
            Map<String, Account> extensions = new HashMap<>(byExtension);
            Map<String, Account> aliases = new HashMap<>(byAlias);
            add(a, s, keys, users, extensions, aliases);
            return new Snapshot(Map.copyOf(keys), Map.copyOf(users), Map.copyOf(extensions), Map.copyOf(aliases));
        }

        static void add(Account a, @Nullable Secrets s, Map<String, Secrets> keys, Map<String, Account> users,
                Map<String, Account> extensions, Map<String, Account> aliases) {
            users.put(a.username(), a);
            if (!a.extension().isEmpty()) {
                extensions.putIfAbsent(a.extension(), a);
            }
            for (String alias : a.aliases()) {
                aliases.putIfAbsent(alias, a);
            }
            if (s != null) {
                keys.put(a.username(), s);
            }
        }

        private static Map<String, Account> withoutId(Map<String, Account> map, long id) {
            Map<String, Account> copy = new HashMap<>(map);
            copy.values().removeIf(a -> a.id() == id);
            return Map.copyOf(copy);
        }
    }

    private static final int MAX_ENTRIES = 50_000;
    private static final Logger LOG = LoggerFactory.getLogger(AccountCache.class);

    private final AccountStore store;
    private final String realm;
    private final Executor loader;
    private final ConcurrentMap<String, Optional<Secrets>> secrets = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Optional<Account>> targets = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    /** Changed accounts not read again yet: while there are any, names the snapshot lacks go to the store. */
    private final AtomicInteger pending = new AtomicInteger();
    private volatile @Nullable Snapshot snapshot;
    /** Accounts that changed while the whole table was being read (guarded by this). */
    private final Set<Long> changedWhileLoading = new HashSet<>();
    private boolean loadingAll;

    /** @param loader runs the reads from the store, one at a time and in order */
    AccountCache(AccountStore store, String realm, Executor loader) {
        this.store = store;
        this.realm = realm;
        this.loader = loader;
    }

    /** Starts reading the whole account table in the background. */
    void start() {
        synchronized (this) {
            loadingAll = true;
        }
        submit(this::loadAll);
    }

    /** @return the digest secrets of an enabled account with this user name, if there is one */
    @Nullable
    Secrets secrets(String username) {
        Snapshot all = snapshot;
        if (all != null) {
            Secrets s = all.secrets().get(username);
            if (s != null || pending.get() == 0) {
                return s; // a changed account is out of the snapshot until read again: hits are never stale
            }
        }
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
        Snapshot all = snapshot;
        if (all != null) {
            Account a = all.target(name);
            if (a != null || pending.get() == 0) {
                return a;
            }
        }
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
        synchronized (this) {
            generation.incrementAndGet();
            pending.incrementAndGet();
            Snapshot all = snapshot;
            if (all != null) {
                snapshot = all.without(accountId); // nothing stale is answered from now on
            }
            if (loadingAll) {
                changedWhileLoading.add(accountId);
            }
            secrets.clear();
            targets.clear();
        }
        submit(() -> reload(accountId));
    }

    private void submit(Runnable task) {
        try {
            loader.execute(task);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    /** Reads one changed account again and puts it back into the snapshot. */
    private void reload(long id) {
        try {
            Optional<Account> account = store.find(id);
            Secrets s = account.filter(Account::enabled).flatMap(a -> secretsOf(a.username())).orElse(null);
            synchronized (this) {
                Snapshot all = snapshot;
                if (all != null) {
                    Snapshot without = all.without(id);
                    snapshot = account.isPresent() ? without.with(account.get(), s) : without;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not read account {} for the SIP proxy: {}", id, e.toString());
            synchronized (this) {
                snapshot = null; // back to the lookups one by one until the whole table is read again
                loadingAll = true;
            }
            submit(this::loadAll);
        } finally {
            pending.decrementAndGet();
        }
    }

    private void loadAll() {
        try {
            long begin = System.nanoTime();
            Map<String, Secrets> keys = new HashMap<>();
            Map<String, Account> users = new HashMap<>();
            Map<String, Account> extensions = new HashMap<>();
            Map<String, Account> aliases = new HashMap<>();
            for (Account a : store.list()) {
                Snapshot.add(a, a.enabled() ? secretsOf(a.username()).orElse(null) : null, keys, users, extensions,
                        aliases);
            }
            synchronized (this) {
                Snapshot loaded = new Snapshot(Map.copyOf(keys), Map.copyOf(users), Map.copyOf(extensions),
                        Map.copyOf(aliases));
                for (long id : changedWhileLoading) {
                    loaded = loaded.without(id); // what was read of them may be older than the change
                }
                changedWhileLoading.clear();
                loadingAll = false;
                snapshot = loaded;
                LOG.debug("{} accounts in memory for the SIP proxy ({} ms)", users.size(),
                        (System.nanoTime() - begin) / 1_000_000);
            }
        } catch (RuntimeException e) {
            // the lookups one by one keep working; the next change tries again
            LOG.warn("Could not read the accounts for the SIP proxy: {}", e.toString());
            synchronized (this) {
                loadingAll = false;
                changedWhileLoading.clear();
            }
        }
    }

    private Optional<Secrets> secretsOf(String username) {
        // HA1 values made for another realm (the domain was changed) cannot verify anything.
        return store.credentials(username).filter(c -> c.realm().equals(realm))
                .map(c -> new Secrets(username, c.ha1Md5(), c.ha1Sha256()));
    }

    private Optional<Secrets> loadSecrets(String username) {
        Optional<Account> account = store.findByUsername(username).filter(Account::enabled);
        return account.isEmpty() ? Optional.empty() : secretsOf(username);
    }

    private static void bounded(ConcurrentMap<?, ?> map) {
        if (map.size() > MAX_ENTRIES) {
            map.clear();
        }
    }
}
