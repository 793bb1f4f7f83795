// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

/**
 * Asks the user whether to trust the certificate of a server the client has never seen before. Called on a
 * background thread during the TLS handshake; a UI implementation must switch to its UI thread and wait.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface CertificateTrustPrompt {

    /**
     * @param certificate what the server presented
     * @return {@code true} to trust and remember it, {@code false} to refuse the connection
     */
    boolean trust(ServerCertificate certificate);
}
