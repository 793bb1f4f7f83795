// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

/**
 * The mailbox has no message with this id (it never existed, was purged, or is in somebody else's mailbox).
 *
 * @since 0.1
 */
public class NoSuchVoicemailException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param id the id asked for */
    public NoSuchVoicemailException(long id) {
        super("There is no voicemail message with id " + id + ".");
    }
}
