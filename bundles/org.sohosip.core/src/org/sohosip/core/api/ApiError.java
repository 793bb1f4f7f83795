// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

import java.util.Map;

/**
 * Body of every 4xx and 5xx answer.
 *
 * @param status  the HTTP status code, repeated for convenience
 * @param error   a short machine-readable code, e.g. {@code invalid_field}, {@code duplicate}, {@code forbidden}
 * @param message a sentence for people: what happened and what to do
 * @param fields  per-field messages (field name to message) when the request had invalid fields; may be empty
 * @since 0.1
 */
public record ApiError(int status, String error, String message, Map<String, String> fields) {

    /** Copies the field map so the record stays immutable. */
    public ApiError {
        fields = Map.copyOf(fields);
    }
}
