// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

import java.time.Instant;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Body of {@code GET /api/v1/gateways/{id}/status}.
 *
 * @param gatewayId       the gateway
 * @param state           the AMI link's state
 * @param asteriskVersion the version Asterisk reported (e.g. {@code 20.20.1}), once known
 * @param lastError       why the last connection attempt or login failed, for people to read
 * @param since           when the link entered {@code state}
 * @since 0.1
 */
public record GatewayStatus(long gatewayId, GatewayState state, @Nullable String asteriskVersion,
        @Nullable String lastError, @Nullable Instant since) {
}
