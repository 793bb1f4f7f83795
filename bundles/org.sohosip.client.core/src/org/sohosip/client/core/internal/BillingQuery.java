// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;

import org.sohosip.client.core.BillingFilter;

/**
 * The query string of the billing endpoints: the filter's parts that are set, user names URL-encoded, lower-case
 * directions and ISO-8601 instants, as {@code docs/api.md} describes them.
 */
public final class BillingQuery {

    /** The largest limit the server accepts. */
    public static final int MAX_LIMIT = 10_000;

    private final StringJoiner q = new StringJoiner("&", "?", "");

    private BillingQuery() {
    }

    /**
     * @param filter which calls
     * @return a query with the filter's parts
     * @throws IllegalArgumentException when the date range is empty
     */
    public static BillingQuery of(BillingFilter filter) {
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            // the server would answer 400; say it in the words of the report's date range instead
            throw new IllegalArgumentException("The start of the date range must be before its end.");
        }
        BillingQuery b = new BillingQuery();
        if (filter.user() != null) {
            b.add("user", filter.user());
        }
        if (filter.gatewayId() != null) {
            b.add("gateway", String.valueOf(filter.gatewayId()));
        }
        // Instant.toString() is ISO-8601 in UTC: only URL-safe characters apart from ':' which queries allow
        if (filter.from() != null) {
            b.add("from", String.valueOf(filter.from()));
        }
        if (filter.to() != null) {
            b.add("to", String.valueOf(filter.to()));
        }
        if (filter.direction() != null) {
            b.add("direction", filter.direction().name().toLowerCase(Locale.ROOT));
        }
        return b;
    }

    /**
     * @param name  parameter name
     * @param value its value, URL-encoded here
     * @return this query
     */
    public BillingQuery add(String name, String value) {
        q.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%3A", ":"));
        return this;
    }

    /** @return {@code ?a=b&...}, or the empty string when nothing was added */
    @Override
    public String toString() {
        return q.length() == 1 ? "" : q.toString();
    }
}
