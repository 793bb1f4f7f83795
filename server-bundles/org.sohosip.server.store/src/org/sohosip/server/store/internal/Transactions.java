// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;

/** Runs each store call as one transaction: it commits entirely or changes nothing. */
final class Transactions {

    private final EntityManagerFactory emf;

    Transactions(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /**
     * @return what {@code work} returned, after the commit
     * @throws org.sohosip.server.store.DuplicateException when the commit broke a unique constraint
     */
    <T> T run(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            em.flush(); // constraint violations surface here, inside the transaction
            tx.commit();
            return result;
        } catch (PersistenceException e) {
            throw UniqueViolations.asDuplicate(e).orElseThrow(() -> e);
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }
}
