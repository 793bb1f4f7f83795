// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.client.core.CertificateRefusedException;
import org.sohosip.client.core.CertificateTrustPrompt;
import org.sohosip.client.core.KnownServers;
import org.sohosip.client.core.ServerCertificate;

/**
 * Trust on first use for one server ({@code host:port}). A pinned certificate is accepted by its SHA-256
 * fingerprint alone: no CA and no host name check, because office servers use self-signed certificates. A server
 * without a pin is accepted silently only when a public CA vouches for it and the host name matches; otherwise the
 * user is asked. A certificate other than the pinned one is always refused.
 */
public final class PinningTrustManager extends X509ExtendedTrustManager {

    private final String host;
    private final int port;
    private final KnownServers known;
    private final CertificateTrustPrompt prompt;
    private final @Nullable X509ExtendedTrustManager system;
    private final AtomicReference<@Nullable CertificateRefusedException> refusal = new AtomicReference<>();
    private final AtomicBoolean pinnedNow = new AtomicBoolean();

    /**
     * @param host   server host
     * @param port   server port
     * @param known  where pins are kept
     * @param prompt asks the user about new certificates
     */
    public PinningTrustManager(String host, int port, KnownServers known, CertificateTrustPrompt prompt) {
        this.host = host;
        this.port = port;
        this.known = known;
        this.prompt = prompt;
        this.system = systemTrustManager();
    }

    /** @return the refusal of the last handshake, cleared by this call */
    public Optional<CertificateRefusedException> takeRefusal() {
        return Optional.ofNullable(refusal.getAndSet(null));
    }

    /** @return whether a certificate was pinned since the last call (the handshake may have timed out meanwhile) */
    public boolean takePinnedNow() {
        return pinnedNow.getAndSet(false);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, authType, engine, null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, authType, null, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType, null, null);
    }

    private void check(X509Certificate[] chain, String authType, @Nullable SSLEngine engine,
            @Nullable Socket socket) throws CertificateException {
        if (chain.length == 0) {
            throw new CertificateException("The server sent no certificate.");
        }
        String hostPort = host + ":" + port;
        String presented = fingerprint(chain[0]);
        Optional<String> pinned = known.fingerprint(hostPort);
        if (pinned.isPresent()) {
            if (pinned.get().equalsIgnoreCase(presented)) {
                return;
            }
            throw refuse(new CertificateRefusedException(Messages.changed(hostPort, pinned.get(), presented,
                    known.location()), CertificateRefusedException.Reason.CHANGED, pinned.get(), presented));
        }
        if (trustedBySystem(chain, authType, engine, socket)) {
            return;
        }
        X509Certificate leaf = chain[0];
        ServerCertificate info = new ServerCertificate(host, port, presented,
                leaf.getSubjectX500Principal().getName(), leaf.getIssuerX500Principal().getName(),
                leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant());
        boolean trusted;
        try {
            trusted = prompt.trust(info);
        } catch (RuntimeException e) {
            trusted = false;
        }
        if (!trusted) {
            throw refuse(new CertificateRefusedException(Messages.notTrusted(hostPort),
                    CertificateRefusedException.Reason.NOT_TRUSTED, null, presented));
        }
        known.pin(hostPort, presented);
        pinnedNow.set(true);
    }

    private CertificateException refuse(CertificateRefusedException e) {
        refusal.set(e);
        return new CertificateException(e.getMessage());
    }

    private boolean trustedBySystem(X509Certificate[] chain, String authType, @Nullable SSLEngine engine,
            @Nullable Socket socket) {
        X509ExtendedTrustManager tm = system;
        if (tm == null) {
            return false;
        }
        try {
            if (engine != null) {
                tm.checkServerTrusted(chain, authType, engine);
            } else if (socket != null) {
                tm.checkServerTrusted(chain, authType, socket);
            } else {
                return false; // without a connection the host name cannot be checked
            }
            return true;
        } catch (CertificateException | RuntimeException e) {
            return false;
        }
    }

    /**
     * @param certificate a certificate
     * @return its SHA-256 fingerprint, {@code AB:CD:...}
     * @throws CertificateException when it cannot be encoded
     */
    public static String fingerprint(X509Certificate certificate) throws CertificateException {
        try {
            return ServerCertificate.formatFingerprint(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new CertificateException("Cannot compute the certificate fingerprint", e);
        }
    }

    private static @Nullable X509ExtendedTrustManager systemTrustManager() {
        try {
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init((KeyStore) null);
            for (TrustManager tm : f.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    return x;
                }
            }
        } catch (GeneralSecurityException e) {
            // no system trust store: every new server is asked about
        }
        return null;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("Client certificates are not used");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("Client certificates are not used");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("Client certificates are not used");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
