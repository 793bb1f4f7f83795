// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy;

/**
 * The user has no registered phone, so a call that must ring it first cannot start.
 *
 * @since 0.1
 */
public class NoPhoneException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String username;

    /**
     * @param username the user without a registered phone
     */
    public NoPhoneException(String username) {
        super(username + " has no phone registered: sign in to a phone (the softphone or a desk phone) as "
                + username + ", then try again.");
        this.username = username;
    }

    /** @return the user without a registered phone */
    public String username() {
        return username;
    }
}
