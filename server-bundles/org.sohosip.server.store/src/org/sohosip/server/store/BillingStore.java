// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

import java.util.List;
import java.util.Optional;

import org.sohosip.core.api.BillingRecord;

/**
 * Billing records: one per call through a PSTN gateway.
 *
 * @since 0.1
 */
public interface BillingStore {

    /**
     * Stores a record. A record whose {@code uniqueId} is already stored is not stored twice (Asterisk may repeat a
     * CDR after a reconnect): the stored one is returned.
     *
     * @param record  the record; its {@code id} is ignored
     * @param details Asterisk's further CDR fields
     * @return the stored record with its id
     */
    BillingRecord record(BillingRecord record, CdrDetails details);

    /** @return the record with Asterisk's unique id, if stored */
    Optional<BillingRecord> findByUniqueId(String uniqueId);

    /** @return matching records, newest first */
    List<BillingEntry> find(BillingQuery query);
}
