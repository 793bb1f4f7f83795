// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

import java.util.Objects;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The other side of a call as its From (incoming) or To (outgoing) header names it.
 *
 * @param uri         its SIP URI, e.g. {@code sip:3301@sohosip.local}
 * @param user        the user part (user name, extension or number), empty when the URI has none
 * @param displayName the display name it sent, or {@code null}
 * @since 0.1
 */
public record SipParty(String uri, String user, @Nullable String displayName) {

    /** Checks the values. */
    public SipParty {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(user, "user");
    }
}
