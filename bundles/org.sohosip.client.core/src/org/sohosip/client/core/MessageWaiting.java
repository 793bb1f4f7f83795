// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.util.function.Consumer;

/**
 * Message waiting for the logged-in user: the softphone subscribes to the mailbox (RFC 3842) and this service
 * keeps what the server last told, so the status line and the Voicemail perspective can show the count of new
 * messages without asking the server.
 *
 * @since 0.1
 */
public interface MessageWaiting {

    /** @return the current state ({@link MessageWaitingState#UNKNOWN} when logged out) */
    MessageWaitingState state();

    /** @param listener told of every change, on a background thread */
    void addListener(Consumer<MessageWaitingState> listener);

    /** @param listener no longer told */
    void removeListener(Consumer<MessageWaitingState> listener);
}
