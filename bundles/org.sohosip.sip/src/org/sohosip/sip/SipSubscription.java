// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

/**
 * A {@code message-summary} subscription (RFC 6665, RFC 3842) to the agent's own address of record. It answers
 * digest challenges, refreshes before the granted lifetime runs out and subscribes again after the notifier ended
 * it or could not be reached.
 *
 * @since 0.1
 */
public interface SipSubscription extends AutoCloseable {

    /** @return where it stands */
    SubscriptionState state();

    /** @return the last final status from the notifier (0 when none came), for diagnostics */
    int statusCode();

    /** Sends SUBSCRIBE with Expires: 0 and stops refreshing. Returns at once. */
    @Override
    void close();
}
