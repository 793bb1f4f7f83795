// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.sohosip.server.store.BindingStore;
import org.sohosip.server.store.SipBinding;

/** {@link BindingStore} on the {@code SIP_BINDINGS} table. */
final class JpaBindingStore implements BindingStore {

    private final Transactions transactions;

    JpaBindingStore(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<SipBinding> unexpired(Instant now) {
        return transactions.run(em -> em.createQuery("SELECT b FROM SipBindingEntity b WHERE b.expiresAt > :now"
                + " ORDER BY b.username, b.contact", SipBindingEntity.class)
                .setParameter("now", now)
                .getResultList().stream().map(SipBindingEntity::toBinding).toList());
    }

    @Override
    public void replace(Collection<String> usernames, Collection<SipBinding> bindings) {
        for (SipBinding b : bindings) {
            if (!usernames.contains(b.username())) {
                throw new IllegalArgumentException("A binding of " + b.username() + " is not among the replaced users");
            }
        }
        if (usernames.isEmpty()) {
            return;
        }
        transactions.run(em -> {
            em.createQuery("DELETE FROM SipBindingEntity b WHERE b.username IN :users")
                    .setParameter("users", List.copyOf(usernames)).executeUpdate();
            for (SipBinding b : bindings) {
                em.persist(new SipBindingEntity(b));
            }
            return null;
        });
    }

    @Override
    public int deleteExpired(Instant now) {
        return transactions.run(em -> em.createQuery("DELETE FROM SipBindingEntity b WHERE b.expiresAt <= :now")
                .setParameter("now", now).executeUpdate());
    }
}
