// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.sohosip.core.api.BillingRecord;
import org.sohosip.core.api.BillingTotals;

/**
 * Call detail records of calls through the PSTN gateways (the server joins Asterisk's CDRs with the proxy's own
 * records): the list, totals per user, day or hour, and the CSV export in Asterisk's {@code Master.csv} column
 * order. Administrators see every call, other users their own. Every method blocks while talking to the server:
 * call them off the UI thread.
 *
 * @since 0.1
 */
public interface BillingService {

    /** How totals are grouped. */
    enum Grouping {
        /** One total per user name. */
        USER,
        /** One total per day ({@code 2026-11-26}) in the zone asked for. */
        DAY,
        /** One total per hour of the day ({@code 00}-{@code 23}) in the zone asked for. */
        HOUR
    }

    /**
     * @param filter which calls
     * @param limit  at most this many (brought into the server's range 1-10000)
     * @return the records, newest first
     * @throws IllegalArgumentException when the filter's date range is empty
     */
    List<BillingRecord> records(BillingFilter filter, int limit);

    /**
     * @param filter which calls
     * @param by     the grouping
     * @param zone   the zone of days and hours
     * @return one total per key, as the server orders them
     */
    List<BillingTotals> totals(BillingFilter filter, Grouping by, ZoneId zone);

    /**
     * Writes the records as CSV in Asterisk's {@code Master.csv} column order. The file appears complete or not at
     * all: it is written next to the target and then moved over it.
     *
     * @param filter which calls
     * @param target the file to write
     * @return the number of bytes written
     * @throws ClientException when the server refuses or the file cannot be written
     */
    long exportCsv(BillingFilter filter, Path target);
}
