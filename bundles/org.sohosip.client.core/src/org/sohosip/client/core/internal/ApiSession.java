// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal;

import java.util.function.BiFunction;

import org.sohosip.client.core.ApiClient;

/**
 * The logged-in session as the other services of this bundle use it: runs one API request with the session's
 * connection and token, so that the token stays inside the session.
 */
public interface ApiSession {

    /**
     * Runs {@code request}; when a token refresh crossed it (401 with a token that has since been replaced) it is
     * retried once, and an unreachable server turns the session to connection lost.
     *
     * @param <T>     the answer's type
     * @param request the request, given the connection and the bearer token
     * @return the answer
     * @throws org.sohosip.client.core.ClientException when not logged in or the request fails
     */
    <T> T call(BiFunction<ApiClient, String, T> request);
}
