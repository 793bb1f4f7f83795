// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

/**
 * Where a registration stands.
 *
 * @since 0.1
 */
public enum RegistrationState {
    /** Not registered (never started, unregistered, or closed). */
    UNREGISTERED,
    /** A REGISTER is under way. */
    REGISTERING,
    /** The registrar accepted the binding; it is refreshed before it expires. */
    REGISTERED,
    /** The registrar refused (wrong credentials, forbidden, not found); no retry until started again. */
    FAILED,
    /** The registrar did not answer or answered with a server error; retrying with growing pauses. */
    NO_NETWORK
}
