// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sohosip.sip.DigestCredentials;

/**
 * Answers Digest challenges as a client (RFC 7616 with the SIP use of RFC 8760): picks the strongest algorithm it
 * has an HA1 for, uses {@code qop=auth} with a fresh cnonce and a per-nonce count. Not thread-safe: used from the
 * user agent's single worker thread.
 */
final class DigestAuthenticator {

    private final SecureRandom random = new SecureRandom();
    /** nonce → last nonce count sent; nonces are short-lived, so the map is cleared when it grows. */
    private final Map<String, Integer> counts = new HashMap<>();

    /**
     * @param challenges all challenges of one 401/407 response
     * @param creds      the credentials
     * @return the challenge to answer: for the credentials' realm when offered, strongest algorithm first
     */
    static Optional<DigestChallenge> choose(List<DigestChallenge> challenges, DigestCredentials creds) {
        return challenges.stream()
                .filter(c -> c.strength() > 0 && !creds.ha1For(c.algorithm()).isEmpty())
                .filter(c -> c.qop().isEmpty() || c.qop().contains("auth"))
                .max(Comparator.<DigestChallenge>comparingInt(c -> c.realm().equals(creds.realm()) ? 1 : 0)
                        .thenComparingInt(DigestChallenge::strength));
    }

    /**
     * @param c      the chosen challenge
     * @param creds  the credentials
     * @param method the request method
     * @param uri    the Request-URI as sent
     * @return the value of the Authorization / Proxy-Authorization header
     */
    String authorization(DigestChallenge c, DigestCredentials creds, String method, String uri) {
        String ha1 = creds.ha1For(c.algorithm());
        boolean qop = !c.qop().isEmpty();
        String cnonce = HexFormat.of().formatHex(randomBytes());
        String nc = "";
        if (qop) {
            if (counts.size() > 64) {
                counts.clear();
            }
            nc = String.format("%08x", counts.merge(c.nonce(), 1, Integer::sum));
        }
        String response = response(c.algorithm(), ha1, c.nonce(), nc, cnonce, qop ? "auth" : "", method, uri);
        StringBuilder h = new StringBuilder("Digest username=\"").append(quote(creds.username()))
                .append("\", realm=\"").append(quote(c.realm()))
                .append("\", nonce=\"").append(quote(c.nonce()))
                .append("\", uri=\"").append(quote(uri))
                .append("\", response=\"").append(response)
                .append("\", algorithm=").append(c.algorithm());
        if (qop) {
            h.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        if (c.opaque() != null) {
            h.append(", opaque=\"").append(quote(c.opaque())).append('"');
        }
        return h.toString();
    }

    /**
     * The digest response (RFC 7616 section 3.4.1), from a known HA1.
     *
     * @param algorithm {@code MD5}, {@code SHA-256} or their {@code -sess} forms
     * @param ha1       hex H(username:realm:password)
     * @param nonce     server nonce
     * @param nc        nonce count (8 hex digits) or empty without qop
     * @param cnonce    client nonce (ignored without qop unless -sess)
     * @param qop       {@code auth} or empty
     * @param method    request method
     * @param uri       digest URI
     * @return the lower-case hex response
     */
    static String response(String algorithm, String ha1, String nonce, String nc, String cnonce, String qop,
            String method, String uri) {
        String hash = algorithm.toUpperCase(java.util.Locale.ROOT).startsWith("SHA-256") ? "SHA-256" : "MD5";
        String a1 = algorithm.toUpperCase(java.util.Locale.ROOT).endsWith("-SESS")
                ? h(hash, ha1 + ":" + nonce + ":" + cnonce) : ha1;
        String ha2 = h(hash, method + ":" + uri);
        return qop.isEmpty() ? h(hash, a1 + ":" + nonce + ":" + ha2)
                : h(hash, a1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    static String h(String algorithm, String data) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this Java runtime", e);
        }
    }

    private byte[] randomBytes() {
        byte[] b = new byte[12];
        random.nextBytes(b);
        return b;
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
