// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

/**
 * Where a subscription stands.
 *
 * @since 0.1
 */
public enum SubscriptionState {
    /** SUBSCRIBE sent, no final answer yet. */
    SUBSCRIBING,
    /** The notifier accepted it and refreshes keep it alive. */
    ACTIVE,
    /** The notifier could not be reached or ended the subscription; it is tried again after a pause. */
    RETRYING,
    /** The notifier refused it (403, 404, 489, ...); it is not tried again until asked. */
    FAILED,
    /** Closed here. */
    TERMINATED
}
