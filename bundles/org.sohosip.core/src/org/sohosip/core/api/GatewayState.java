// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

/**
 * The connection state of a gateway's manager (AMI) link.
 *
 * @since 0.1
 */
public enum GatewayState {
    /** Logged in to Asterisk; configuration changes are applied at once. */
    CONNECTED,
    /** Trying to connect or log in (again, after a failure: with growing pauses). */
    CONNECTING,
    /** Asterisk cannot be reached or refused the login; calls inside the office still work. */
    DOWN,
    /** The gateway is disabled: no connection is attempted and no calls are routed to it. */
    DISABLED
}
