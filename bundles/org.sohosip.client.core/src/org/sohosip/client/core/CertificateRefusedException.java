// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The client refused the server's certificate: either the user did not trust a new server, or a known server
 * presented a different certificate than the one pinned for it.
 *
 * @since 0.1
 */
public class CertificateRefusedException extends ClientException {

    private static final long serialVersionUID = 1L;

    /** Why the certificate was refused. */
    public enum Reason {
        /** The server was new and the user did not trust its certificate. */
        NOT_TRUSTED,
        /** The server presented a certificate other than the pinned one. */
        CHANGED
    }

    private final Reason reason;
    private final @Nullable String pinnedFingerprint;
    private final String presentedFingerprint;

    /**
     * @param message              explanation for people
     * @param reason               why it was refused
     * @param pinnedFingerprint    the fingerprint trusted before, if any
     * @param presentedFingerprint the fingerprint the server presented now
     */
    public CertificateRefusedException(String message, Reason reason, @Nullable String pinnedFingerprint,
            String presentedFingerprint) {
        super(message);
        this.reason = reason;
        this.pinnedFingerprint = pinnedFingerprint;
        this.presentedFingerprint = presentedFingerprint;
    }

    /** @return why the certificate was refused */
    public Reason reason() {
        return reason;
    }

    /** @return the fingerprint pinned earlier ({@link Reason#CHANGED} only) */
    public @Nullable String pinnedFingerprint() {
        return pinnedFingerprint;
    }

    /** @return the fingerprint of the certificate the server presented */
    public String presentedFingerprint() {
        return presentedFingerprint;
    }
}
