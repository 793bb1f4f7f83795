// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.gateway;

import java.util.List;

import org.sohosip.core.api.GatewayStatus;

/**
 * The state of each gateway's manager (AMI) link, for the admin pages.
 *
 * @since 0.1
 */
public interface GatewayMonitor {

    /** @return the status of the gateway ({@code CONNECTING} for one the controller has not taken up yet) */
    GatewayStatus status(long gatewayId);

    /** @return the status of every configured gateway */
    List<GatewayStatus> statuses();
}
