// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.Account;
import org.sohosip.server.store.AccountChangeListener;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.Credentials;

/**
 * What the proxy needs of accounts on every request, kept in memory: digest HA1 values by user name and accounts by
 * the names that reach them (user name, extension, alias). A database query per request would cap the proxy far
 * below what phones can send.
 * <p>
 * The whole account table (an office's: hundreds or a few thousand rows) is loaded in the background into a
 * {@link Snapshot}, so that even the first request of each phone is answered from memory; without it every
 * registration or call of a phone not seen since the last change cost several queries. Until a snapshot is there,
 * names are looked up one by one and remembered (unknown names too, as absent, so a flood of made-up names does not
 * reach the database either; those maps are cleared when they grow past a bound). The store tells this cache about
 * every account change: the cache then forgets everything at once (changes are rare, and forgetting all is
 * obviously right) and loads a new snapshot once the changes have paused for {@link #QUIET_MILLIS}.
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

    /** Everything, loaded at once: lookups need no query and no lock. */
    record Snapshot(Map<String, Secrets> secrets, Map<String, Account> byUsername, Map<String, Account> byExtension,
            Map<String, Account> byAlias) {

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
    }

    private static final int MAX_ENTRIES = 50_000;
    static final long QUIET_MILLIS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(AccountCache.class);

    private final AccountStore store;
    private final String realm;
    private final ScheduledExecutorService loader;
    private final AtomicBoolean loadPending = new AtomicBoolean();
    private volatile @Nullable Snapshot snapshot;
    private volatile long lastChange;
    private final ConcurrentMap<String, Optional<Secrets>> secrets = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Optional<Account>> targets = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    AccountCache(AccountStore store, String realm, ScheduledExecutorService loader) {
        this.store = store;
        this.realm = realm;
        this.loader = loader;
    }

    /** Starts loading the first snapshot in the background. */
    void start() {
        scheduleLoad(0);
    }

    /** @return whether lookups are answered from a complete snapshot */
    boolean loaded() {
        return snapshot != null;
    }

    /** @return the digest secrets of an enabled account with this user name, if there is one */
    @Nullable
    Secrets secrets(String username) {
        Snapshot all = snapshot;
        if (all != null) {
            return all.secrets().get(username);
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
            return all.target(name);
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
        generation.incrementAndGet();
        lastChange = System.currentTimeMillis();
        snapshot = null;
        secrets.clear();
        targets.clear();
        scheduleLoad(QUIET_MILLIS);
    }

    private void scheduleLoad(long delayMillis) {
        if (loadPending.compareAndSet(false, true)) {
            try {
                loader.schedule(this::load, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                loadPending.set(false); // stopping
            }
        }
    }

    /** Loads a snapshot once the changes have paused; one that a change overtook is thrown away and redone. */
    private void load() {
        long quietFor = System.currentTimeMillis() - lastChange;
        if (quietFor < QUIET_MILLIS) {
            loader.schedule(this::load, QUIET_MILLIS - quietFor, TimeUnit.MILLISECONDS);
            return;
        }
        loadPending.set(false); // a change from now on schedules another load
        long seen = generation.get();
        try {
            long begin = System.nanoTime();
            Snapshot loaded = loadAll();
            if (seen == generation.get()) {
                snapshot = loaded;
                LOG.debug("{} accounts in memory for the SIP proxy ({} ms)", loaded.byUsername().size(),
                        (System.nanoTime() - begin) / 1_000_000);
            }
        } catch (RuntimeException e) {
            // the lookups one by one keep working; the next change tries again
            LOG.warn("Could not load the accounts for the SIP proxy: {}", e.toString());
        }
    }

    private Snapshot loadAll() {
        Map<String, Secrets> allSecrets = new HashMap<>();
        Map<String, Account> byUsername = new HashMap<>();
        Map<String, Account> byExtension = new HashMap<>();
        Map<String, Account> byAlias = new HashMap<>();
        for (Account a : store.list()) {
            // disabled accounts stay in the maps so that their names reach nobody, as with the lookups one by one
            byUsername.put(a.username(), a);
            if (!a.extension().isEmpty()) {
                byExtension.putIfAbsent(a.extension(), a);
            }
            for (String alias : a.aliases()) {
                byAlias.putIfAbsent(alias, a);
            }
            if (!a.enabled()) {
                continue;
            }
            store.credentials(a.username()).filter(c -> c.realm().equals(realm))
                    .ifPresent(c -> allSecrets.put(a.username(), new Secrets(a.username(), c.ha1Md5(), c.ha1Sha256())));
        }
        return new Snapshot(Map.copyOf(allSecrets), Map.copyOf(byUsername), Map.copyOf(byExtension),
                Map.copyOf(byAlias));
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
