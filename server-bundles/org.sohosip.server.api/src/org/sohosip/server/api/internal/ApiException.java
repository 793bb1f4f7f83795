// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.sohosip.core.api.ApiError;

/**
 * A request that cannot be served, carrying the {@link ApiError} to answer with and any headers the status needs
 * ({@code WWW-Authenticate}, {@code Retry-After}, {@code Allow}).
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ApiError error;
    private final Map<String, String> headers;
    private final transient Object body;

    ApiException(int status, String code, String message) {
        this(status, code, message, Map.of(), Map.of());
    }

    ApiException(int status, String code, String message, Map<String, String> fields, Map<String, String> headers) {
        super(message, null, false, false); // control flow, not a fault: no stack trace needed
        this.error = new ApiError(status, code, message, fields);
        this.headers = Map.copyOf(headers);
        this.body = this.error;
    }

    private ApiException(int status, String code, String message, Object body) {
        super(message, null, false, false);
        this.error = new ApiError(status, code, message, Map.of());
        this.headers = Map.of();
        this.body = body;
    }

    /** @return an error answered with a richer body than {@link ApiError} (which must repeat its fields) */
    static ApiException withBody(int status, String code, String message, Object body) {
        return new ApiException(status, code, message, body);
    }

    /** @return what to write as the answer's body: the {@link #error()}, or a richer body carrying its fields */
    public Object body() {
        return body;
    }

    /** @return the body to answer with */
    public ApiError error() {
        return error;
    }

    /** @return extra response headers */
    public Map<String, String> headers() {
        return headers;
    }

    static ApiException invalidFields(Map<String, String> fields) {
        return new ApiException(400, "invalid_field", "Some fields are missing or invalid: " + String.join(", ",
                fields.keySet()) + ". See 'fields' for what to change.", fields, Map.of());
    }

    static ApiException invalidField(String field, String message) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(field, message);
        return invalidFields(fields);
    }

    static ApiException invalidJson(String message) {
        return new ApiException(400, "invalid_json", message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }

    static ApiException duplicate(String field, String message) {
        return new ApiException(409, "duplicate", message, Map.of(field, message), Map.of());
    }
}
