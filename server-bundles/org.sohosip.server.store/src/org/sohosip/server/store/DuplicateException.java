// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

/**
 * A unique value (user name, extension, alias; a gateway's name or trunk name, a route prefix, an emergency or
 * inbound number) is already taken. Nothing was written.
 *
 * @since 0.1
 */
public class DuplicateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the field whose value is taken: {@code username}, {@code extension}, {@code aliases},
     *                {@code name}, {@code trunkName}, {@code prefix}, {@code number} or {@code did}
     * @param message a sentence saying which value is taken
     */
    public DuplicateException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** @return the field whose value is taken (see the constructor) */
    public String field() {
        return field;
    }
}
