// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import org.sohosip.server.proxy.CallOriginator;

/** Lets the integration tests see how a click-to-call the running proxy placed has ended. */
public final class ClickToCallsAccess {

    /** Starts the Call-ID of every call the proxy places itself. */
    public static final String PREFIX = ClickToCalls.PREFIX;

    private ClickToCallsAccess() {
    }

    /** @return the outcome of the call, or {@code null} while it goes on */
    public static String outcome(CallOriginator running, String reference) {
        return ((ClickToCalls) running).outcome(reference);
    }
}
