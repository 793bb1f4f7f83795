// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

import java.time.Duration;
import java.util.Objects;

/**
 * A registration's state with the facts behind it.
 *
 * @param state        the state
 * @param statusCode   the last final SIP status from the registrar (200, 403, ...), or 0 when none came (timeout,
 *                     network error, not started)
 * @param reasonPhrase the registrar's reason phrase, or a short description of the local failure; may be empty
 * @param granted      for {@link RegistrationState#REGISTERED}, the binding lifetime the registrar granted; else zero
 * @since 0.1
 */
public record RegistrationStatus(RegistrationState state, int statusCode, String reasonPhrase, Duration granted) {

    /** Checks the values. */
    public RegistrationStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reasonPhrase, "reasonPhrase");
        Objects.requireNonNull(granted, "granted");
    }
}
