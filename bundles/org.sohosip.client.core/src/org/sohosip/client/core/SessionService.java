// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.net.URI;
import java.util.Optional;

import org.sohosip.core.Account;

/**
 * The client's login session with one server. Keeps the bearer token to itself and refreshes it before it
 * expires; when the server cannot be reached the state becomes {@link SessionState#CONNECTION_LOST} and the
 * session retries with growing pauses.
 *
 * @since 0.1
 */
public interface SessionService {

    /** @return the current state */
    SessionState state();

    /** @return the current state with account and server */
    SessionEvent current();

    /** @return the logged-in account, if any */
    Optional<Account> account();

    /** @return the server of the current session, if any */
    Optional<URI> server();

    /**
     * Logs in, replacing any earlier session. Blocks while talking to the server: never call it on a UI thread.
     *
     * @param server   the server address, {@code https://host:port}
     * @param username the user name
     * @param password the password; not kept after the call
     * @param prompt   asked when the server's certificate has never been seen before
     * @return the logged-in account
     * @throws ClientException with a message for people when the login fails (see its subclasses)
     */
    Account login(URI server, String username, char[] password, CertificateTrustPrompt prompt);

    /** Logs out (telling the server when it can be reached). Blocks briefly; never throws. */
    void logout();

    /** @param listener told about every later state change */
    void addListener(SessionListener listener);

    /** @param listener no longer told */
    void removeListener(SessionListener listener);
}
