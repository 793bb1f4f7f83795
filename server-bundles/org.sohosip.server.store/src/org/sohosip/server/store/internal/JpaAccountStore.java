// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import org.eclipse.persistence.config.QueryHints;
import org.sohosip.core.Account;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.Credentials;
import org.sohosip.server.store.NoSuchAccountException;

/** {@link AccountStore} on the {@code ACCOUNTS} and {@code ACCOUNT_ALIASES} tables. */
final class JpaAccountStore implements AccountStore {

    private final Transactions transactions;
    /**
     * Serialises check-then-write: the cross-field name check (an alias against another account's extension) has
     * no database constraint behind it, and this process is the only writer.
     */
    private final ReentrantLock writes = new ReentrantLock();

    private final LongConsumer onChange;
    /** Lookups by id, user name, extension and alias: every call through the proxy or to voicemail makes some. */
    private final ReadCache<String, Optional<Account>> lookups = new ReadCache<>(10_000);

    /** @param onChange told the id of each account after a committed change */
    JpaAccountStore(Transactions transactions, LongConsumer onChange) {
        this.transactions = transactions;
        this.onChange = onChange;
    }

    @Override
    public Account create(Account draft, Credentials credentials) {
        return locked(() -> transactions.run(em -> {
            NameClaims.check(em, draft, null, true);
            AccountEntity entity = new AccountEntity(draft, credentials, Instant.now());
            em.persist(entity);
            em.flush(); // assigns the id
            return entity.toAccount();
        }));
    }

    @Override
    public Account update(Account changed) {
        return locked(() -> transactions.run(em -> {
            AccountEntity entity = existing(em, changed.id());
            NameClaims.check(em, changed, changed.id(), false);
            entity.apply(changed, Instant.now());
            em.flush();
            return entity.toAccount();
        }));
    }

    @Override
    public void setCredentials(long id, Credentials credentials) {
        transactions.run(em -> {
            existing(em, id).setCredentials(credentials, Instant.now());
            return id;
        });
        onChange.accept(id);
    }

    @Override
    public Optional<Account> find(long id) {
        return lookups.get("id:" + id, () -> transactions.run(em -> Optional.ofNullable(em.find(AccountEntity.class,
                id)).map(AccountEntity::toAccount)));
    }

    @Override
    public Optional<Account> findByUsername(String username) {
        return lookups.get("user:" + username, () -> transactions.run(em -> byUsername(em, username)
                .map(AccountEntity::toAccount)));
    }

    @Override
    public Optional<Account> findByExtension(String extension) {
        return lookups.get("ext:" + extension, () -> transactions.run(em -> em.createQuery(
                "SELECT a FROM AccountEntity a WHERE a.extension = :e", AccountEntity.class)
                .setParameter("e", extension).getResultStream().findFirst().map(AccountEntity::toAccount)));
    }

    @Override
    public Optional<Account> findByAlias(String alias) {
        return lookups.get("alias:" + alias, () -> transactions.run(em -> em.createQuery(
                "SELECT al.account FROM AliasEntity al WHERE al.alias = :a", AccountEntity.class)
                .setParameter("a", alias).getResultStream().findFirst().map(AccountEntity::toAccount)));
    }

    @Override
    public Optional<Credentials> credentials(String username) {
        return transactions.run(em -> byUsername(em, username).map(AccountEntity::credentials));
    }

    @Override
    public List<Account> list() {
        return transactions.run(em -> em.createQuery("SELECT a FROM AccountEntity a ORDER BY a.username",
                AccountEntity.class)
                .setHint(QueryHints.BATCH, "a.aliases") // one query for all aliases instead of one per account
                .setHint(QueryHints.BATCH, "a.groups")
                .getResultList().stream().map(AccountEntity::toAccount).toList());
    }

    @Override
    public long count() {
        return transactions.run(em -> em.createQuery("SELECT COUNT(a) FROM AccountEntity a", Long.class)
                .getSingleResult());
    }

    private static AccountEntity existing(EntityManager em, long id) {
        AccountEntity entity = em.find(AccountEntity.class, id);
        if (entity == null) {
            throw new NoSuchAccountException(id);
        }
        return entity;
    }

    private static Optional<AccountEntity> byUsername(EntityManager em, String username) {
        return em.createQuery("SELECT a FROM AccountEntity a WHERE a.username = :u", AccountEntity.class)
                .setParameter("u", username).getResultStream().findFirst();
    }

    /** Runs an account write under the lock and, once committed, tells the listeners which account changed. */
    private Account locked(Supplier<Account> write) {
        Account result;
        writes.lock();
        try {
            result = write.get();
        } finally {
            writes.unlock();
        }
        lookups.clear();
        onChange.accept(result.id());
        return result;
    }
}
