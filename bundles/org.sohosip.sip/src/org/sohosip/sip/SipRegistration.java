// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

/**
 * The registration of a user agent's address of record (REGISTER with digest authentication). It refreshes the
 * binding before the lifetime the registrar granted runs out, and after a network loss registers again with
 * growing pauses.
 *
 * @since 0.1
 */
public interface SipRegistration extends AutoCloseable {

    /** @return the current status */
    RegistrationStatus status();

    /** @param listener told of every later change, on the agent's event thread */
    void addListener(RegistrationListener listener);

    /** @param listener no longer told */
    void removeListener(RegistrationListener listener);

    /** Registers again at once (e.g. after the network came back or the user asked to retry). */
    void refreshNow();

    /**
     * Removes the binding (REGISTER with Expires: 0) and stops refreshing. Returns at once; the state becomes
     * {@link RegistrationState#UNREGISTERED}.
     */
    @Override
    void close();
}
