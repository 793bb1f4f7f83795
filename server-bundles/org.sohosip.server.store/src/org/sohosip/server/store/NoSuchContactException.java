// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

/**
 * The owner has no contact with this id (it never existed, was deleted, or belongs to somebody else).
 *
 * @since 0.1
 */
public class NoSuchContactException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param id the id asked for */
    public NoSuchContactException(long id) {
        super("There is no contact with id " + id + ".");
    }
}
