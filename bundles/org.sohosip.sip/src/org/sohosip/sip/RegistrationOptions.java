// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

import java.time.Duration;
import java.util.Objects;

/**
 * How to register.
 *
 * @param expires      the binding lifetime to ask for; the registrar may grant less, and the refresh follows what
 *                     it granted
 * @param retryInitial the first pause before registering again after the registrar could not be reached
 * @param retryMax     the longest pause; pauses double from {@code retryInitial} up to this
 * @since 0.1
 */
public record RegistrationOptions(Duration expires, Duration retryInitial, Duration retryMax) {

    /** Checks the values. */
    public RegistrationOptions {
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

    /** @return one hour asked for; retries after 2 s, doubling up to 2 minutes */
    public static RegistrationOptions defaults() {
        return new RegistrationOptions(Duration.ofHours(1), Duration.ofSeconds(2), Duration.ofMinutes(2));
    }
}
