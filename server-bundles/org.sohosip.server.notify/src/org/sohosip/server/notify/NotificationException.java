// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A notification that could not be delivered. The message is written to the server log, so it must say what
 * went wrong for an administrator (e.g. "SMSC 10.0.0.5:2775 refused the login") and never contain a password.
 *
 * @since 0.1
 */
public class NotificationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /**
     * @param message what went wrong, for the server log
     * @param retryable whether a later attempt may succeed (a server that is down: yes; a recipient the server
     *            refuses: no)
     * @param cause the underlying failure, or {@code null}
     */
    public NotificationException(String message, boolean retryable, @Nullable Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /**
     * A failure worth retrying later.
     *
     * @param message what went wrong, for the server log
     * @param cause the underlying failure, or {@code null}
     */
    public NotificationException(String message, @Nullable Throwable cause) {
        this(message, true, cause);
    }

    /** @return whether trying again later may succeed */
    public boolean retryable() {
        return retryable;
    }
}
