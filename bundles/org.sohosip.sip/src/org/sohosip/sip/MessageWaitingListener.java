// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

/**
 * Told of every message summary a NOTIFY brings (subscribed or unsolicited), on the agent's event thread.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface MessageWaitingListener {

    /** @param summary the mailbox as the last NOTIFY described it */
    void messageWaitingChanged(MessageSummary summary);
}
