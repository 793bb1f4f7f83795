// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.persistence.TypedQuery;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.api.BillingRecord;
import org.sohosip.server.store.BillingEntry;
import org.sohosip.server.store.BillingQuery;
import org.sohosip.server.store.BillingStore;
import org.sohosip.server.store.CdrDetails;

/** {@link BillingStore} on {@code BILLING_RECORDS}. */
final class JpaBillingStore implements BillingStore {

    private final Transactions transactions;
    /** A CDR repeated after a reconnect must not be billed twice: check and insert as one step. */
    private final ReentrantLock writes = new ReentrantLock();

    JpaBillingStore(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public BillingRecord record(BillingRecord record, CdrDetails details) {
        writes.lock();
        try {
            String uniqueId = record.uniqueId();
            if (uniqueId != null) {
                Optional<BillingRecord> stored = findByUniqueId(uniqueId);
                if (stored.isPresent()) {
                    return stored.get();
                }
            }
            return transactions.run(em -> {
                BillingRecordEntity entity = new BillingRecordEntity(record, details);
                em.persist(entity);
                em.flush();
                return entity.toRecord();
            });
        } finally {
            writes.unlock();
        }
    }

    @Override
    public Optional<BillingRecord> findByUniqueId(String uniqueId) {
        return transactions.run(em -> em.createQuery("SELECT b FROM BillingRecordEntity b WHERE b.uniqueId = :u",
                BillingRecordEntity.class).setParameter("u", uniqueId).getResultStream().findFirst()
                .map(BillingRecordEntity::toRecord));
    }

    @Override
    public List<BillingEntry> find(BillingQuery query) {
        if (query.limit() <= 0) {
            return List.of();
        }
        List<String> where = new ArrayList<>();
        where.add("1 = 1");
        if (query.account() != null) {
            where.add("b.account = :account");
        }
        if (query.gateway() != null) {
            where.add("b.gateway = :gateway");
        }
        if (query.from() != null) {
            where.add("b.startedAt >= :from");
        }
        if (query.to() != null) {
            where.add("b.startedAt < :to");
        }
        if (query.direction() != null) {
            where.add("b.direction = :direction");
        }
        String jpql = "SELECT b FROM BillingRecordEntity b WHERE " + String.join(" AND ", where)
                + " ORDER BY b.startedAt DESC, b.id DESC";
        return transactions.run(em -> {
            TypedQuery<BillingRecordEntity> q = em.createQuery(jpql, BillingRecordEntity.class)
                    .setMaxResults(query.limit());
            bind(q, "account", query.account());
            bind(q, "gateway", query.gateway());
            bind(q, "from", query.from());
            bind(q, "to", query.to());
            bind(q, "direction", query.direction());
            return q.getResultList().stream().map(BillingRecordEntity::toEntry).toList();
        });
    }

    private static void bind(TypedQuery<?> q, String name, @Nullable Object value) {
        if (value != null) {
            q.setParameter(name, value);
        }
    }
}
