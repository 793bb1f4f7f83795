// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

/**
 * A call to the server did not succeed. The message is written for people and can be shown as it is.
 *
 * @since 0.1
 */
public class ClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what happened and what to do, in plain words */
    public ClientException(String message) {
        super(message);
    }

    /**
     * @param message what happened and what to do, in plain words
     * @param cause   the underlying failure
     */
    public ClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
