// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

/**
 * Totals of billed calls for one user, day or hour ({@code GET /api/v1/billing/totals?by=user|day|hour}).
 *
 * @param key             the user name ({@code by=user}; {@code "-"} for calls without a known user), the day
 *                        {@code 2026-11-26} ({@code by=day}) or the hour of the day {@code 00}-{@code 23}
 *                        ({@code by=hour}), days and hours in the zone asked for ({@code tz}, default UTC)
 * @param calls           number of calls
 * @param answeredCalls   calls that were answered
 * @param billableSeconds sum of billable seconds
 * @since 0.1
 */
public record BillingTotals(String key, long calls, long answeredCalls, long billableSeconds) {
}
