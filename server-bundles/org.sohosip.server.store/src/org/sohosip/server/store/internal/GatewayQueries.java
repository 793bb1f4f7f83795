// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.sohosip.core.api.EmergencyNumber;

/** Small queries {@link JpaGatewayStore} uses in more than one place. */
final class GatewayQueries {

    private GatewayQueries() {
    }

    /** @return whether a row other than {@code self} has the value (query with parameter {@code v}, selecting ids) */
    static boolean taken(EntityManager em, String jpql, String value, long self) {
        return em.createQuery(jpql, Long.class).setParameter("v", value).getResultStream()
                .anyMatch(id -> id != self);
    }

    static List<EmergencyNumber> emergencyNumbers(EntityManager em) {
        return em.createQuery("SELECT e FROM EmergencyNumberEntity e ORDER BY e.number", EmergencyNumberEntity.class)
                .getResultStream().map(EmergencyNumberEntity::toNumber).toList();
    }
}
