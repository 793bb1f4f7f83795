// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

/**
 * The state of the client's login session.
 *
 * @since 0.1
 */
public enum SessionState {
    /** Nobody is logged in. */
    LOGGED_OUT,
    /** A login is in progress. */
    CONNECTING,
    /** Logged in; the token is refreshed automatically. */
    LOGGED_IN,
    /** Logged in, but the server could not be reached lately; the client keeps retrying. */
    CONNECTION_LOST
}
