// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.time.Instant;
import java.util.Map;

import org.sohosip.server.store.UserSettingsStore;

/** {@link UserSettingsStore} on {@code USER_SETTINGS}. */
final class JpaUserSettingsStore implements UserSettingsStore {

    private final Transactions transactions;

    JpaUserSettingsStore(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Map<String, String> get(long accountId) {
        return transactions.run(em -> {
            UserSettingsEntity entity = em.find(UserSettingsEntity.class, accountId);
            return entity == null ? Map.<String, String>of() : entity.values();
        });
    }

    @Override
    public Map<String, String> replace(long accountId, Map<String, String> values) {
        return transactions.run(em -> {
            UserSettingsEntity entity = em.find(UserSettingsEntity.class, accountId);
            if (entity == null) {
                entity = new UserSettingsEntity(accountId);
                entity.set(values, Instant.now());
                em.persist(entity);
            } else {
                entity.set(values, Instant.now());
            }
            return entity.values();
        });
    }
}
