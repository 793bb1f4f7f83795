// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import org.sohosip.core.Contact;
import org.sohosip.core.api.ApiError;

/**
 * A change was made on an older version of a contact than the server's: nothing was saved. The server's version is
 * in {@link #current()}, so the user can compare and decide.
 *
 * @since 0.1
 */
public class ContactConflictException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final transient Contact current;

    /**
     * @param error   the error body
     * @param current the contact as the server has it now
     */
    public ContactConflictException(ApiError error, Contact current) {
        super(error, -1);
        this.current = current;
    }

    /** @return the contact as the server has it now */
    public Contact current() {
        return current;
    }
}
