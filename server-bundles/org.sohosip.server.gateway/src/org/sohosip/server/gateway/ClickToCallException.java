// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.gateway;

/**
 * A click-to-call request that cannot be placed, with the reason for people.
 *
 * @since 0.1
 */
public class ClickToCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the call cannot be placed. */
    public enum Reason {
        /** The caller may not call that number (no PSTN permission, or a rule for another group). */
        FORBIDDEN,
        /** No rule routes the number and it is no extension. */
        NO_ROUTE,
        /** The gateway that would carry the call is not connected. */
        GATEWAY_DOWN,
        /** The caller has no registered phone to ring first. */
        NO_PHONE
    }

    private final Reason reason;

    /**
     * @param reason  the kind of failure
     * @param message a sentence for people
     */
    public ClickToCallException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** @return the kind of failure */
    public Reason reason() {
        return reason;
    }
}
