// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

import java.time.Instant;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.api.BillingDirection;

/**
 * Which billing records to read; {@code null} fields do not filter.
 *
 * @param account   user name
 * @param gateway   gateway name
 * @param from      start at or after
 * @param to        start before
 * @param direction inbound or outbound
 * @param limit     at most this many, newest first
 * @since 0.1
 */
public record BillingQuery(@Nullable String account, @Nullable String gateway, @Nullable Instant from,
        @Nullable Instant to, @Nullable BillingDirection direction, int limit) {
}
