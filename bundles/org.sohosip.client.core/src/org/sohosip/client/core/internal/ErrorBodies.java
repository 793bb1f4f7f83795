// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sohosip.core.api.ApiError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads error bodies leniently: a proxy or an old server may send HTML or omit fields. */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    /**
     * @param json   the mapper
     * @param status HTTP status
     * @param body   the raw body
     * @return the error, with a generic message when the body is not an {@link ApiError}
     */
    public static ApiError parse(ObjectMapper json, int status, byte[] body) {
        try {
            JsonNode n = json.readTree(body);
            if (n != null && n.isObject()) {
                Map<String, String> fields = new LinkedHashMap<>();
                JsonNode f = n.path("fields");
                f.fieldNames().forEachRemaining(k -> fields.put(k, f.path(k).asText()));
                return new ApiError(n.path("status").asInt(status), n.path("error").asText("http_" + status),
                        n.path("message").asText(generic(status)), fields);
            }
        } catch (IOException e) {
            // not JSON: fall through to the generic message
        }
        return new ApiError(status, "http_" + status, generic(status), Map.of());
    }

    private static String generic(int status) {
        return "The server answered with HTTP status " + status + ".";
    }
}
