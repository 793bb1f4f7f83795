// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

/**
 * Registration of the softphone with the server's SIP registrar.
 *
 * @since 0.1
 */
public enum RegistrationState {
    /** Not logged in, or logged out. */
    UNREGISTERED,
    /** A REGISTER is under way (first time, refresh after loss). */
    REGISTERING,
    /** The registrar accepted the binding; calls can come in. */
    REGISTERED,
    /** The registrar refused (wrong credentials, forbidden); see {@link PhoneRegistration#detail()}. */
    FAILED,
    /** The registrar cannot be reached; the softphone retries with growing pauses. */
    NO_NETWORK
}
