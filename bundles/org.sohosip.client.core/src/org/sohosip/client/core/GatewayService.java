// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.util.List;

import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.GatewayChange;
import org.sohosip.core.api.GatewayStatus;

/**
 * The office's PSTN gateways (Asterisk boxes reached over AMI) on the server of the current session, for
 * administrators. Every method blocks while talking to the server: call them off the UI thread.
 *
 * @since 0.1
 */
public interface GatewayService {

    /** @return all gateways, by name */
    List<Gateway> gateways();

    /**
     * @param gateway the new gateway; its AMI secret is required
     * @return the created gateway
     * @throws ApiException with field messages when fields are invalid (400) or the name is taken (409)
     */
    Gateway create(GatewayChange gateway);

    /**
     * @param id      gateway id
     * @param gateway the gateway's new fields; a {@code null} AMI secret keeps the stored one
     * @return the changed gateway (the server applies it at once)
     * @throws ApiException with field messages when fields are invalid (400) or the name is taken (409)
     */
    Gateway update(long id, GatewayChange gateway);

    /**
     * @param id gateway id
     * @throws ApiException 409 {@code in_use} while route rules or emergency numbers name the gateway
     */
    void delete(long id);

    /**
     * @param id gateway id
     * @return the state of the server's AMI link to that gateway
     */
    GatewayStatus status(long id);
}
