// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Finds the {@link Endpoint} and handler for a method and path, telling "no such path" (404) from "path exists,
 * wrong method" (405 with {@code Allow}).
 */
public final class Router {

    /** Serves one endpoint. */
    @FunctionalInterface
    public interface Handler {
        /** Answers the request, or throws {@link ApiException}. */
        void handle(Exchange exchange) throws IOException;
    }

    /** A matched endpoint with its path variables. */
    public record Match(Endpoint endpoint, Handler handler, Map<String, String> params) {
    }

    private final Map<Endpoint, Handler> handlers;

    /** @throws IllegalArgumentException when an endpoint has no handler */
    public Router(Map<Endpoint, Handler> handlers) {
        for (Endpoint endpoint : Endpoint.values()) {
            if (!handlers.containsKey(endpoint)) {
                throw new IllegalArgumentException("No handler for " + endpoint);
            }
        }
        this.handlers = new EnumMap<>(handlers);
    }

    /**
     * @param path the path below {@link Endpoint#BASE}, e.g. {@code /accounts/12}
     * @throws ApiException 404 {@code not_found} or 405 {@code method_not_allowed}
     */
    public Match match(String method, String path) {
        Set<String> allowed = new TreeSet<>();
        for (Endpoint endpoint : Endpoint.values()) {
            Map<String, String> params = bind(endpoint.template(), path);
            if (params == null) {
                continue;
            }
            if (endpoint.method().equals(method)) {
                return new Match(endpoint, handlers.get(endpoint), params);
            }
            allowed.add(endpoint.method());
        }
        if (allowed.isEmpty()) {
            throw ApiException.notFound("There is no " + Endpoint.BASE + path + " in this API; see "
                    + Endpoint.BASE + "/openapi.json for what there is.");
        }
        throw new ApiException(405, "method_not_allowed", method + " is not allowed on " + Endpoint.BASE + path
                + "; use " + String.join(" or ", allowed) + ".", Map.of(), Map.of("Allow", String.join(", ", allowed)));
    }

    /** @return the variables of {@code path} under {@code template}, or {@code null} when it does not fit */
    static @Nullable Map<String, String> bind(String template, String path) {
        String[] want = template.split("/", -1);
        String[] got = path.split("/", -1);
        if (want.length != got.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{") && want[i].endsWith("}")) {
                if (got[i].isEmpty()) {
                    return null;
                }
                params.put(want[i].substring(1, want[i].length() - 1), got[i]);
            } else if (!want[i].equals(got[i])) {
                return null;
            }
        }
        return params;
    }
}
