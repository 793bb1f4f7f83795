// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.util.Map;
import java.util.OptionalLong;

import org.sohosip.core.api.ApiError;

/**
 * The server answered with an error ({@code 4xx} or {@code 5xx}); {@link #error()} carries its body, including
 * per-field messages that a form shows next to the fields.
 *
 * @since 0.1
 */
public class ApiException extends ClientException {

    private static final long serialVersionUID = 1L;

    private final transient ApiError error;
    private final long retryAfterSeconds;

    /**
     * @param error             the error body
     * @param retryAfterSeconds value of the {@code Retry-After} header, or -1 when there was none
     */
    public ApiException(ApiError error, long retryAfterSeconds) {
        super(error.message());
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** @return the error body as the server sent it */
    public ApiError error() {
        return error;
    }

    /** @return the HTTP status */
    public int status() {
        return error.status();
    }

    /** @return the machine-readable error code, e.g. {@code duplicate} */
    public String code() {
        return error.error();
    }

    /** @return field name to message; empty when the error is not about particular fields */
    public Map<String, String> fieldErrors() {
        return error.fields();
    }

    /** @return seconds to wait before trying again (HTTP 429), if the server said so */
    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds < 0 ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
    }
}
