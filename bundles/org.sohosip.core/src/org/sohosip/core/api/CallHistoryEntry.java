// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

import java.time.Instant;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.CallDirection;
import org.sohosip.core.CallDisposition;

/**
 * One line of a user's call history, as {@code GET /api/v1/me/calls} returns it.
 *
 * @param id               the call record's id
 * @param direction        incoming or outgoing, seen from the user who asks
 * @param otherParty       the other side: a user name, extension or number that can be dialled back
 * @param otherDisplayName the other side's display name, if known
 * @param start            when the call began
 * @param answer           when it was answered, or {@code null}
 * @param end              when it ended
 * @param durationSeconds  talk time in seconds (0 when not answered)
 * @param disposition      how it ended
 * @since 0.1
 */
public record CallHistoryEntry(long id, CallDirection direction, String otherParty,
        @Nullable String otherDisplayName, Instant start, @Nullable Instant answer, Instant end,
        long durationSeconds, CallDisposition disposition) {
}
