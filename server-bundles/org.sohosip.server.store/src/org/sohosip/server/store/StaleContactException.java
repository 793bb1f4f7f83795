// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

import org.sohosip.core.Contact;

/**
 * A change was made on an older version of a contact than the stored one. Nothing was written.
 *
 * @since 0.1
 */
public class StaleContactException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Contact current;

    /** @param current the contact as it is stored now */
    public StaleContactException(Contact current) {
        super("The contact was changed elsewhere (now version " + current.version() + ").");
        this.current = current;
    }

    /** @return the contact as it is stored now */
    public Contact current() {
        return current;
    }
}
