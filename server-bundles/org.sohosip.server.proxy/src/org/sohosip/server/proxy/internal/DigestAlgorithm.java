// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import org.eclipse.jdt.annotation.Nullable;

/** The digest algorithms offered, strongest first (RFC 8760). */
enum DigestAlgorithm {
    SHA256("SHA-256"), MD5("MD5");

    private final String token;

    DigestAlgorithm(String token) {
        this.token = token;
    }

    /** @return the name used in the {@code algorithm} parameter */
    String token() {
        return token;
    }

    /** @return the algorithm named in a credential; a missing parameter means MD5 (RFC 2617) */
    static @Nullable DigestAlgorithm of(@Nullable String token) {
        if (token == null || token.isEmpty() || token.equalsIgnoreCase("MD5")) {
            return MD5;
        }
        return token.equalsIgnoreCase("SHA-256") ? SHA256 : null;
    }
}
