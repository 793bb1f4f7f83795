// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

import java.time.Instant;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.CallDirection;
import org.sohosip.core.CallDisposition;
import org.sohosip.core.CallRecord;

/**
 * Which call records one user asks for. Direction and disposition are as the user sees them: a call the user
 * received that was not answered ({@code MISSED}, or {@code CANCELLED} by the caller) counts as {@code MISSED}.
 *
 * @param username    the user: only calls where they are caller or callee match
 * @param direction   only incoming or only outgoing calls, or both when {@code null}
 * @param disposition only calls that ended so (as the user sees it), or all when {@code null}
 * @param from        only calls that started at or after this instant, if given
 * @param to          only calls that started before this instant, if given
 * @param limit       at most this many, newest first
 * @since 0.1
 */
public record CallQuery(String username, @Nullable CallDirection direction, @Nullable CallDisposition disposition,
        @Nullable Instant from, @Nullable Instant to, int limit) {

    /** @return whether {@code username} received {@code call} (rather than placed it) */
    public static boolean incoming(CallRecord call, String username) {
        return call.callee().equals(username) && !call.caller().equals(username);
    }

    /** @return the disposition of {@code call} as {@code username} sees it */
    public static CallDisposition seenBy(CallRecord call, String username) {
        return incoming(call, username) && call.disposition() == CallDisposition.CANCELLED ? CallDisposition.MISSED
                : call.disposition();
    }
}
