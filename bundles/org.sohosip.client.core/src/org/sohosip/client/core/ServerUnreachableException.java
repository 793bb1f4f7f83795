// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.net.URI;

/**
 * No connection to the server could be made (refused, timed out, unknown host, broken TLS).
 *
 * @since 0.1
 */
public class ServerUnreachableException extends ClientException {

    private static final long serialVersionUID = 1L;

    /**
     * @param server the server address that was tried
     * @param reason short reason, e.g. "connection refused"
     * @param cause  the underlying failure
     */
    public ServerUnreachableException(URI server, String reason, Throwable cause) {
        super("Cannot reach " + server + ": " + reason
                + ". Check the server address and that the server is running.", cause);
    }
}
