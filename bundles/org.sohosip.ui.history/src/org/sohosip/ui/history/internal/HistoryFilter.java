// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.history.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.CallDirection;
import org.sohosip.core.CallDisposition;

/**
 * What the user chose to see: which calls, and an optional range of days (both ends included, in the user's time
 * zone). Turned into the server's query so that the server does the filtering and the limit counts filtered calls.
 *
 * @param kind all, missed, incoming or outgoing calls
 * @param from the first day, or {@code null}
 * @param to   the last day, or {@code null}
 */
public record HistoryFilter(Kind kind, @Nullable LocalDate from, @Nullable LocalDate to) {

    /** The choices of the Show list, in its order. */
    public enum Kind {
        /** Every call. */
        ALL,
        /** Calls to this user that nobody answered. */
        MISSED,
        /** Calls to this user. */
        INCOMING,
        /** Calls this user made. */
        OUTGOING
    }

    /** @return the direction to ask the server for, or {@code null} */
    public @Nullable CallDirection direction() {
        return switch (kind) {
            case INCOMING -> CallDirection.INCOMING;
            case OUTGOING -> CallDirection.OUTGOING;
            // the server shows every unanswered call to the callee as missed: missed calls are incoming
            case MISSED -> CallDirection.INCOMING;
            case ALL -> null;
        };
    }

    /** @return the disposition to ask the server for, or {@code null} */
    public @Nullable CallDisposition disposition() {
        return kind == Kind.MISSED ? CallDisposition.MISSED : null;
    }

    /**
     * @param zone the user's time zone
     * @return the start of the first day, or {@code null}
     */
    public @Nullable Instant fromInstant(ZoneId zone) {
        LocalDate f = from;
        return f == null ? null : f.atStartOfDay(zone).toInstant();
    }

    /**
     * @param zone the user's time zone
     * @return the start of the day after the last day (the server's {@code to} is exclusive), or {@code null}
     */
    public @Nullable Instant toInstant(ZoneId zone) {
        LocalDate t = to;
        return t == null ? null : t.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** @return whether the range holds at least one day */
    public boolean isValid() {
        LocalDate f = from;
        LocalDate t = to;
        return f == null || t == null || !f.isAfter(t);
    }
}
