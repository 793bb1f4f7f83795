// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api;

import java.security.cert.X509Certificate;

/**
 * The certificate the HTTPS API presents. It is self-signed, so users compare its fingerprint with the one their
 * client shows on the first connection; the server logs it at start for that reason.
 *
 * @since 0.1
 */
public interface ServerCertificate {

    /** @return the certificate served on the API port */
    X509Certificate certificate();

    /**
     * @return the SHA-256 fingerprint of the DER-encoded certificate as upper-case hex pairs separated by colons
     *         ({@code AB:CD:...}), the form browsers and {@code keytool} show
     */
    String sha256Fingerprint();
}
