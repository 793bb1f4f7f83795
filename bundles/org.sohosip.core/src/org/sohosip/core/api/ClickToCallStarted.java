// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Answer of {@code POST /api/v1/me/click-to-call} (202): the call is being set up.
 *
 * @param number    the number that will be dialled
 * @param outside   whether it goes through a gateway
 * @param gatewayId the gateway, for outside calls
 * @param reference an identifier of the attempt (the AMI ActionID or the SIP Call-ID) for the logs
 * @since 0.1
 */
public record ClickToCallStarted(String number, boolean outside, @Nullable Long gatewayId, String reference) {
}
