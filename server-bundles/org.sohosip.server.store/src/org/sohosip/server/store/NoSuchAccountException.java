// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

/**
 * The account named by an id does not exist. Nothing was written.
 *
 * @since 0.1
 */
public class NoSuchAccountException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param id the id that names no account */
    public NoSuchAccountException(long id) {
        super("There is no account with id " + id + ".");
    }
}
