// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

import java.time.Duration;
import java.util.Objects;

/**
 * How to subscribe.
 *
 * @param expires      the subscription lifetime to ask for; the notifier may grant less, and the refresh follows
 *                     what it granted
 * @param retryInitial the first pause before subscribing again after a failure or a terminated subscription
 * @param retryMax     the longest pause; pauses double up to it
 * @since 0.1
 */
public record SubscriptionOptions(Duration expires, Duration retryInitial, Duration retryMax) {

    /** Checks the values. */
    public SubscriptionOptions {
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(retryInitial, "retryInitial");
        Objects.requireNonNull(retryMax, "retryMax");
        if (expires.getSeconds() < 1) {
            throw new IllegalArgumentException("expires must be at least one second");
        }
        if (retryInitial.isNegative() || retryInitial.isZero() || retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("retry pauses must be positive and retryMax >= retryInitial");
        }
    }

    /** @return one hour asked for; retries after 5 s, doubling up to 5 minutes */
    public static SubscriptionOptions defaults() {
        return new SubscriptionOptions(Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofMinutes(5));
    }
}
