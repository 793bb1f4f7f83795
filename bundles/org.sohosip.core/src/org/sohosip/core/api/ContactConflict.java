// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

import java.util.Map;

import org.sohosip.core.Contact;

/**
 * Body of a 409 {@code conflict} answer to a contact update or delete made on an old version: an {@link ApiError}
 * with the contact as it is stored now, so the user can compare and decide.
 *
 * @param status  409
 * @param error   {@code conflict}
 * @param message what happened and what to do
 * @param fields  always empty
 * @param current the contact as stored now
 * @since 0.1
 */
public record ContactConflict(int status, String error, String message, Map<String, String> fields,
        Contact current) {

    /** Copies the field map. */
    public ContactConflict {
        fields = Map.copyOf(fields);
    }
}
