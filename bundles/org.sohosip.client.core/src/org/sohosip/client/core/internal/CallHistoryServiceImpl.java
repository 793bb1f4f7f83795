// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal;

import java.time.Instant;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.sohosip.client.core.CallHistoryService;
import org.sohosip.core.CallDirection;
import org.sohosip.core.CallDisposition;
import org.sohosip.core.api.CallHistoryEntry;

/** The user's call history, read from the server of the current session ({@code GET /api/v1/me/calls}). */
@Component(service = CallHistoryService.class)
public final class CallHistoryServiceImpl implements CallHistoryService {

    private final ApiSession session;

    /** @param session the login session whose token the requests carry */
    @Activate
    public CallHistoryServiceImpl(@Reference ApiSession session) {
        this.session = session;
    }

    @Override
    public List<CallHistoryEntry> calls(@Nullable CallDirection direction, @Nullable CallDisposition disposition,
            @Nullable Instant from, @Nullable Instant to, int limit) {
        if (from != null && to != null && !from.isBefore(to)) {
            // the server would answer 400; say it in the words of the history's date range instead
            throw new IllegalArgumentException("The start of the date range must be before its end.");
        }
        return session.call((api, token) -> api.calls(token, direction, disposition, from, to, limit));
    }

    @Override
    public String toString() {
        return "CallHistoryService[" + session + "]";
    }
}
