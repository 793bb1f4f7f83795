// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

/**
 * Message waiting indication (RFC 3842): subscribes to the mailbox's {@code message-summary} and reports what
 * NOTIFY requests say, whether they belong to the subscription or come unsolicited (a server may send them to
 * registered contacts that never subscribed).
 *
 * @since 0.1
 */
public interface SipMessageWaiting {

    /**
     * Subscribes to the identity's own address of record (through the outbound proxy when there is one). A second
     * call closes the first subscription.
     *
     * @param options lifetime and retry pauses
     * @return the subscription, already {@link SubscriptionState#SUBSCRIBING}
     */
    SipSubscription subscribe(SubscriptionOptions options);

    /** @return the last summary a NOTIFY brought, or {@link MessageSummary#NONE} before the first */
    MessageSummary current();

    /** @param listener told of every later summary */
    void addListener(MessageWaitingListener listener);

    /** @param listener no longer told */
    void removeListener(MessageWaitingListener listener);
}
