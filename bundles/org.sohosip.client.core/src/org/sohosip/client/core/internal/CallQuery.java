// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.StringJoiner;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.CallDirection;
import org.sohosip.core.CallDisposition;

/** The query string of {@code GET /api/v1/me/calls}: lower-case enum values, ISO-8601 instants, a bounded limit. */
public final class CallQuery {

    /** The largest limit the server accepts. */
    public static final int MAX_LIMIT = 1000;

    private CallQuery() {
    }

    /**
     * @param direction   only this direction, or {@code null}
     * @param disposition only this disposition, or {@code null}
     * @param from        only calls that began at or after this instant, or {@code null}
     * @param to          only calls that began before this instant, or {@code null}
     * @param limit       at most this many; brought into 1..{@value #MAX_LIMIT}
     * @return {@code ?...}, never empty (the limit is always sent)
     */
    public static String of(@Nullable CallDirection direction, @Nullable CallDisposition disposition,
            @Nullable Instant from, @Nullable Instant to, int limit) {
        StringJoiner q = new StringJoiner("&", "?", "");
        if (direction != null) {
            q.add("direction=" + direction.name().toLowerCase(Locale.ROOT));
        }
        if (disposition != null) {
            q.add("disposition=" + disposition.name().toLowerCase(Locale.ROOT));
        }
        // Instant.toString() is ISO-8601 in UTC ("2026-11-26T09:00:00Z"): only URL-safe characters
        if (from != null) {
            q.add("from=" + from);
        }
        if (to != null) {
            q.add("to=" + to);
        }
        q.add("limit=" + Math.max(1, Math.min(MAX_LIMIT, limit)));
        return q.toString();
    }
}
