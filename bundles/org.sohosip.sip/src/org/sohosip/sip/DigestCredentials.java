// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Digest credentials for one realm, kept as HA1 values so the password itself is never stored:
 * {@code HA1 = H(username ":" realm ":" password)} with MD5 and with SHA-256 (RFC 7616, RFC 8760). Either HA1 may
 * be empty when unknown; the client then answers only challenges of the other algorithm. {@link #toString()}
 * never shows the hashes.
 *
 * @param username  the digest user name
 * @param realm     the realm the HA1 values were computed for
 * @param ha1Md5    lower-case hex MD5 HA1, or empty
 * @param ha1Sha256 lower-case hex SHA-256 HA1, or empty
 * @since 0.1
 */
public record DigestCredentials(String username, String realm, String ha1Md5, String ha1Sha256) {

    /** Checks the values. */
    public DigestCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(ha1Md5, "ha1Md5");
        Objects.requireNonNull(ha1Sha256, "ha1Sha256");
        if (ha1Md5.isEmpty() && ha1Sha256.isEmpty()) {
            throw new IllegalArgumentException("at least one HA1 value is needed");
        }
        ha1Md5 = ha1Md5.toLowerCase(java.util.Locale.ROOT);
        ha1Sha256 = ha1Sha256.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Derives both HA1 values from a password. The caller should clear the password array afterwards.
     *
     * @param username the digest user name
     * @param realm    the realm
     * @param password the password (not kept)
     * @return credentials holding only the HA1 values
     */
    public static DigestCredentials fromPassword(String username, String realm, char[] password) {
        return new DigestCredentials(username, realm, ha1("MD5", username, realm, password),
                ha1("SHA-256", username, realm, password));
    }

    /**
     * @param algorithm {@code MD5} or {@code SHA-256} (case-insensitive; a {@code -sess} suffix is ignored)
     * @return the HA1 for that algorithm, or empty when not known
     */
    public String ha1For(String algorithm) {
        String a = algorithm.toUpperCase(java.util.Locale.ROOT);
        if (a.startsWith("SHA-256")) {
            return ha1Sha256;
        }
        if (a.startsWith("MD5")) {
            return ha1Md5;
        }
        return "";
    }

    private static String ha1(String algorithm, String username, String realm, char[] password) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            md.update((username + ":" + realm + ":").getBytes(StandardCharsets.UTF_8));
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            byte[] raw = new byte[bytes.remaining()];
            bytes.get(raw);
            md.update(raw);
            // the encoded password must not linger in memory longer than needed
            Arrays.fill(raw, (byte) 0);
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "DigestCredentials[username=" + username + ", realm=" + realm + "]";
    }
}
