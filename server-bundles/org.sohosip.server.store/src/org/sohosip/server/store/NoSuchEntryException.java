// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

/**
 * A gateway, route rule or inbound number that does not exist (or no longer does). Nothing was written.
 *
 * @since 0.1
 */
public class NoSuchEntryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String kind;

    /**
     * @param kind what was missing: {@code gateway}, {@code route} or {@code inbound number}
     * @param id   its id
     */
    public NoSuchEntryException(String kind, long id) {
        super("There is no " + kind + " " + id + ".");
        this.kind = kind;
    }

    /** @return what was missing: {@code gateway}, {@code route} or {@code inbound number} */
    public String kind() {
        return kind;
    }
}
