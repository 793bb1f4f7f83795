// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.time.Instant;
import java.util.HexFormat;

/**
 * What a user needs to decide whether to trust a server's certificate.
 *
 * @param host        the server's host name or address
 * @param port        the server's port
 * @param fingerprint SHA-256 fingerprint of the certificate, formatted {@code AB:CD:...}
 * @param subject     the certificate's subject name
 * @param issuer      the certificate's issuer name
 * @param notBefore   start of validity
 * @param notAfter    end of validity
 * @since 0.1
 */
public record ServerCertificate(String host, int port, String fingerprint, String subject, String issuer,
        Instant notBefore, Instant notAfter) {

    /**
     * @param digest raw SHA-256 digest
     * @return upper-case hex bytes separated by colons, e.g. {@code 0A:1B:...}
     */
    public static String formatFingerprint(byte[] digest) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }
}
