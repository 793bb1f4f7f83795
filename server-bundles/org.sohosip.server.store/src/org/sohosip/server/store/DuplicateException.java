// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

/**
 * A unique value (user name, extension, alias) is already taken. Nothing was written.
 *
 * @since 0.1
 */
public class DuplicateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the field whose value is taken: {@code username}, {@code extension} or {@code aliases}
     * @param message a sentence saying which value is taken
     */
    public DuplicateException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** @return the field whose value is taken: {@code username}, {@code extension} or {@code aliases} */
    public String field() {
        return field;
    }
}
