// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

/**
 * Whiteboard service told after every committed change to gateways, route rules, emergency numbers or inbound
 * numbers, so that the proxy's dial plan and the generated Asterisk files follow at once. Called on the writer's
 * thread: keep it short.
 *
 * @since 0.1
 */
public interface GatewayConfigListener {

    /** The gateway data changed; read it again from {@link GatewayStore}. */
    void gatewayConfigChanged();
}
