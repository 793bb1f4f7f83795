// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

/**
 * A SIP action could not be carried out (the stack could not start, a request could not be sent, the call is not
 * in a state that allows the action). The message says what happened in words for people.
 *
 * @since 0.1
 */
public class SipException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what happened */
    public SipException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause   the underlying failure
     */
    public SipException(String message, Throwable cause) {
        super(message, cause);
    }
}
