// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

import java.util.Objects;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Who a user agent is: its address of record, the name shown to others, the credentials it answers digest
 * challenges with, and the outbound proxy every request goes through (the server). Without an outbound proxy
 * requests go straight to the host of their Request-URI (two user agents on one network, tests).
 *
 * @param aor           address of record, e.g. {@code sip:alice@sohosip.local}
 * @param displayName   shown to the other party, or {@code null}
 * @param credentials   for digest challenges (401/407), or {@code null} to refuse every challenge
 * @param outboundProxy where requests are sent, or {@code null}
 * @since 0.1
 */
public record SipIdentity(String aor, @Nullable String displayName, @Nullable DigestCredentials credentials,
        @Nullable SipEndpoint outboundProxy) {

    /** Checks the values. */
    public SipIdentity {
        Objects.requireNonNull(aor, "aor");
        if (!aor.startsWith("sip:") || aor.indexOf('@') < 5) {
            throw new IllegalArgumentException("address of record must look like sip:user@domain: " + aor);
        }
    }

    /** @return the user part of the address of record */
    public String user() {
        return aor.substring(4, aor.indexOf('@'));
    }

    /** @return the domain part of the address of record */
    public String domain() {
        return aor.substring(aor.indexOf('@') + 1);
    }
}
