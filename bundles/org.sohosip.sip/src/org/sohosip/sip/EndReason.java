// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

import java.util.Objects;

/**
 * Why a call ended.
 *
 * @param statusCode   the SIP status that ended it (486 busy, 603 declined, 487 cancelled, 408 no answer, 480 not
 *                     reachable, ...), or 200 for a normal hang-up with BYE after the call was connected
 * @param reasonPhrase the reason phrase as sent, or a short description of a local failure
 * @param byRemote     {@code true} when the other side (or the network) ended it, {@code false} when this side did
 * @since 0.1
 */
public record EndReason(int statusCode, String reasonPhrase, boolean byRemote) {

    /** Checks the values. */
    public EndReason {
        Objects.requireNonNull(reasonPhrase, "reasonPhrase");
    }
}
