// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal;

import java.net.URI;
import java.util.function.BiFunction;

import org.sohosip.client.core.ApiClient;
import org.sohosip.core.Account;

/**
 * Lets other services of this bundle call the API with the session's token, with the session's handling of token
 * refresh and lost connections, without ever seeing the token outside the call.
 */
public interface AuthorizedCalls {

    /** Told once per successful login, on the thread that logged in. */
    interface LoginObserver {
        /**
         * @param password the password just used; valid only during the call (it is wiped afterwards)
         */
        void loggedIn(URI server, Account account, char[] password);
    }

    /**
     * @return what {@code call} returned
     * @throws org.sohosip.client.core.ClientException when nobody is logged in or the call fails
     */
    <T> T authorized(BiFunction<ApiClient, String, T> call);

    /** @param observer told about later logins */
    void addLoginObserver(LoginObserver observer);

    /** @param observer no longer told */
    void removeLoginObserver(LoginObserver observer);
}
