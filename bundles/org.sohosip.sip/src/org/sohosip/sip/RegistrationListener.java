// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

/**
 * Told of every change of a registration (also of each successful refresh).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface RegistrationListener {

    /** @param status the new status */
    void registrationChanged(RegistrationStatus status);
}
