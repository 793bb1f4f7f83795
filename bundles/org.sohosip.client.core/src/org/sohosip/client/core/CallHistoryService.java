// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.time.Instant;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.CallDirection;
import org.sohosip.core.CallDisposition;
import org.sohosip.core.api.CallHistoryEntry;

/**
 * The logged-in user's call history, kept by the server. Blocks while talking to the server: call it off the UI
 * thread.
 *
 * @since 0.1
 */
public interface CallHistoryService {

    /**
     * @param direction   only this direction, or {@code null} for both
     * @param disposition only this disposition (e.g. {@link CallDisposition#MISSED}), or {@code null} for all
     * @param from        only calls that began at or after this instant, or {@code null}
     * @param to          only calls that began before this instant, or {@code null}
     * @param limit       at most this many entries
     * @return entries, newest first
     */
    List<CallHistoryEntry> calls(@Nullable CallDirection direction, @Nullable CallDisposition disposition,
            @Nullable Instant from, @Nullable Instant to, int limit);
}
