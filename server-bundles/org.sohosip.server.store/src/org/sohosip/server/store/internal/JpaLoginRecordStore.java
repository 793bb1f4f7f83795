// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.time.Instant;
import java.util.List;

import org.sohosip.core.LoginEvent;
import org.sohosip.core.LoginRecord;
import org.sohosip.server.store.LoginRecordStore;

/** {@link LoginRecordStore} on the {@code LOGIN_RECORDS} table. */
final class JpaLoginRecordStore implements LoginRecordStore {

    private final Transactions transactions;

    JpaLoginRecordStore(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public LoginRecord record(String username, LoginEvent event, String address) {
        return transactions.run(em -> {
            LoginRecordEntity entity = new LoginRecordEntity(username, event, address, Instant.now());
            em.persist(entity);
            em.flush(); // assigns the id
            return entity.toRecord();
        });
    }

    @Override
    public List<LoginRecord> recent(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return transactions.run(em -> em.createQuery(
                "SELECT r FROM LoginRecordEntity r ORDER BY r.occurredAt DESC, r.id DESC", LoginRecordEntity.class)
                .setMaxResults(limit).getResultList().stream().map(LoginRecordEntity::toRecord).toList());
    }

    @Override
    public List<LoginRecord> forUser(String username, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return transactions.run(em -> em.createQuery("SELECT r FROM LoginRecordEntity r WHERE r.username = :u"
                + " ORDER BY r.occurredAt DESC, r.id DESC", LoginRecordEntity.class)
                .setParameter("u", username).setMaxResults(limit).getResultList().stream()
                .map(LoginRecordEntity::toRecord).toList());
    }
}
