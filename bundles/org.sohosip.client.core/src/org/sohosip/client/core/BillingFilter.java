// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.time.Instant;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.api.BillingDirection;

/**
 * Which billed calls a report covers. Every part is optional; {@code null} means "any".
 *
 * @param user      only this user's calls (user name)
 * @param gatewayId only calls through this gateway
 * @param from      only calls that began at or after this instant
 * @param to        only calls that began before this instant
 * @param direction only inbound or only outbound calls
 * @since 0.1
 */
public record BillingFilter(@Nullable String user, @Nullable Long gatewayId, @Nullable Instant from,
        @Nullable Instant to, @Nullable BillingDirection direction) {

    /** @return a filter that covers every call */
    public static BillingFilter all() {
        return new BillingFilter(null, null, null, null, null);
    }
}
