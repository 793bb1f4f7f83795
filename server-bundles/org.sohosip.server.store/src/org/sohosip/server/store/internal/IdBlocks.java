// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import jakarta.persistence.EntityManager;

/**
 * Contact ids from the {@code CONTACT_IDS} sequence, which moves in steps of {@value #BLOCK}: one database round
 * trip gives the ids of 500 contacts, and the inserts can then go in JDBC batches (an identity column would need a
 * round trip per row to learn its value). Ids left unused when the server stops are simply skipped.
 */
final class IdBlocks {

    /** The sequence's increment (V3 migration). */
    static final int BLOCK = 500;

    private long next;
    private long end;

    synchronized long next(EntityManager em) {
        if (next == end) {
            next = ((Number) em.createNativeQuery("VALUES NEXT VALUE FOR CONTACT_IDS").getSingleResult()).longValue();
            end = next + BLOCK;
        }
        return next++;
    }
}
