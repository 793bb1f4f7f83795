// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core;

import java.time.Instant;

import org.eclipse.jdt.annotation.Nullable;

/**
 * One call attempt through the proxy (a CDR): who called whom, when, and how it ended.
 *
 * @param id          store identity
 * @param callId      the SIP Call-ID of the initial INVITE
 * @param caller      the caller's user name when the caller is an account, otherwise the From URI's user part
 * @param callerName  the caller's display name, if any
 * @param callee      the callee's user name when the target resolved to an account, otherwise the dialled target
 * @param dialled     the target exactly as dialled (user part of the Request-URI: extension, alias or name)
 * @param start       when the INVITE reached the proxy
 * @param answer      when the callee answered, or {@code null}
 * @param end         when the call ended (BYE, final failure or CANCEL)
 * @param disposition how it ended
 * @since 0.1
 */
public record CallRecord(long id, String callId, String caller, @Nullable String callerName, String callee,
        String dialled, Instant start, @Nullable Instant answer, Instant end, CallDisposition disposition) {

    /** @return whole seconds from answer to end; 0 when never answered */
    public long durationSeconds() {
        Instant answered = answer;
        return answered == null ? 0 : Math.max(0, end.getEpochSecond() - answered.getEpochSecond());
    }
}
