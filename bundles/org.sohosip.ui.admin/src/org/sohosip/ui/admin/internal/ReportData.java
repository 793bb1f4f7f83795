// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sohosip.core.api.BillingRecord;
import org.sohosip.core.api.BillingTotals;

/**
 * One CDR report as the server gave it: the records and the totals per user, day and hour, and the chart bars made
 * from them (every hour of the day, every day from the first to the last one with calls, gaps at zero).
 *
 * @param records the calls, newest first
 * @param byUser  totals per user
 * @param byDay   totals per day ({@code YYYY-MM-DD})
 * @param byHour  totals per hour of the day ({@code 00}-{@code 23})
 */
record ReportData(List<BillingRecord> records, List<BillingTotals> byUser, List<BillingTotals> byDay,
        List<BillingTotals> byHour) {

    /** Days in a chart at most; a longer range shows the days with calls only. */
    private static final int MAX_DAYS = 400;

    /** @return the minutes of {@code seconds}, one decimal */
    static String minutes(long seconds) {
        return String.format(java.util.Locale.ROOT, "%.1f", seconds / 60.0);
    }

    /** @return calls in all records of the report (the sum of the per-user totals) */
    long calls() {
        return byUser.stream().mapToLong(BillingTotals::calls).sum();
    }

    /** @return billable seconds of all calls of the report */
    long billableSeconds() {
        return byUser.stream().mapToLong(BillingTotals::billableSeconds).sum();
    }

    List<CallsChart.Bar> hourBars() {
        Map<String, Long> calls = new HashMap<>();
        byHour.forEach(t -> calls.put(t.key(), t.calls()));
        List<CallsChart.Bar> out = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            String key = String.format(java.util.Locale.ROOT, "%02d", h);
            out.add(new CallsChart.Bar(key, calls.getOrDefault(key, 0L)));
        }
        return out;
    }

    List<CallsChart.Bar> dayBars() {
        Map<String, Long> calls = new HashMap<>();
        byDay.forEach(t -> calls.put(t.key(), t.calls()));
        try {
            LocalDate first = byDay.stream().map(t -> LocalDate.parse(t.key())).min(LocalDate::compareTo)
                    .orElse(null);
            LocalDate last = byDay.stream().map(t -> LocalDate.parse(t.key())).max(LocalDate::compareTo)
                    .orElse(null);
            if (first == null || last == null || first.plusDays(MAX_DAYS).isBefore(last)) {
                return byDay.stream().map(t -> new CallsChart.Bar(t.key().substring(5), t.calls())).toList();
            }
            List<CallsChart.Bar> out = new ArrayList<>();
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                out.add(new CallsChart.Bar(d.toString().substring(5), calls.getOrDefault(d.toString(), 0L)));
            }
            return out;
        } catch (DateTimeParseException e) {
            // a server that names days differently still gets its bars, in its own order
            return byDay.stream().map(t -> new CallsChart.Bar(t.key(), t.calls())).toList();
        }
    }
}
