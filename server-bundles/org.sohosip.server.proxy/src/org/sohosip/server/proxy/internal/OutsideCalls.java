// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts each account's outside calls in progress (from the INVITE until the call record is written), so that a
 * stolen password cannot run up dozens of parallel calls to premium numbers.
 */
final class OutsideCalls {

    /** Calls in progress by Call-ID, and their count by user name. */
    private final Map<String, String> owners = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();

    /** @return whether the call may start (it is then counted until {@link #ended}) */
    synchronized boolean start(String username, String callId, int limit) {
        if (owners.containsKey(callId)) {
            return true; // the same call again (a retransmission or a re-sent authenticated INVITE)
        }
        int now = counts.getOrDefault(username, 0);
        if (now >= limit) {
            return false;
        }
        owners.put(callId, username);
        counts.put(username, now + 1);
        return true;
    }

    /** The call ended (or never started): its place is free again. Unknown Call-IDs are ignored. */
    synchronized void ended(String callId) {
        String username = owners.remove(callId);
        if (username != null) {
            counts.computeIfPresent(username, (u, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** @return the outside calls of {@code username} in progress */
    synchronized int inProgress(String username) {
        return counts.getOrDefault(username, 0);
    }
}
