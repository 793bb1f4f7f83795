// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

/**
 * A gateway cannot be deleted while route rules or emergency numbers send calls to it. Nothing was written.
 *
 * @since 0.1
 */
public class GatewayInUseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message which rules and numbers still use the gateway */
    public GatewayInUseException(String message) {
        super(message);
    }
}
