// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.util.function.Consumer;

/**
 * The softphone's registration with the server. It starts by itself after login and stops at logout; it refreshes
 * before expiry and registers again after a network loss.
 *
 * @since 0.1
 */
public interface PhoneRegistration {

    /** @return the current state */
    RegistrationState state();

    /** @return a sentence for people about the state (e.g. why it failed and what to do) */
    String detail();

    /** @param listener told of every later state change, on a background thread */
    void addListener(Consumer<RegistrationState> listener);

    /** @param listener no longer told */
    void removeListener(Consumer<RegistrationState> listener);
}
