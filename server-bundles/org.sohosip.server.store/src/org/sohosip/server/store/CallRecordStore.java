// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

import java.util.List;
import java.util.Optional;

import org.sohosip.core.CallRecord;

/**
 * Call detail records: one per call attempt through the proxy, written when the attempt has ended.
 *
 * @since 0.1
 */
public interface CallRecordStore {

    /**
     * Stores a finished call attempt.
     *
     * @param finished the record; its {@code id} is ignored
     * @return the stored record with its id
     */
    CallRecord record(CallRecord finished);

    /** @return the calls of {@code query.username()} that match the query, newest first */
    List<CallRecord> find(CallQuery query);

    /** @return the newest record of the call with this SIP Call-ID, if there is one */
    Optional<CallRecord> findByCallId(String callId);
}
