// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashing for API logins and the SIP digest HA1 values.
 * <p>
 * Passwords are kept as PBKDF2-HMAC-SHA256 with a random 16-byte salt in a self-describing string
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (Base64 without padding), so that the iteration count can be
 * raised later while old hashes still verify.
 */
public final class PasswordHashing {

    /**
     * Iterations for new hashes. Measured on the 2-core build machine (Java 17, 2026-11): 400,000 iterations took
     * about 85 ms warm and 140 ms under load, inside the 50-150 ms a login may cost; 100,000 would have been ~20 ms.
     */
    public static final int ITERATIONS = 400_000;

    private static final String PREFIX = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    /** Refuses absurd counts in stored strings instead of burning a core for minutes. */
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHashing() {
    }

    /** @return a new salted hash of {@code password} */
    public static String hash(String password) {
        return hash(password, ITERATIONS);
    }

    /** @return a new salted hash of {@code password} with a given iteration count (tests use small counts) */
    public static String hash(String password, int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations out of range: " + iterations);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + '$' + iterations + '$' + b64.encodeToString(salt) + '$'
                + b64.encodeToString(pbkdf2(password, salt, iterations, HASH_BITS));
    }

    /**
     * @return whether {@code password} matches {@code stored}; {@code false} for a malformed stored value. The hash
     *         comparison takes the same time wherever the first difference lies.
     */
    public static boolean verify(String password, String stored) {
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length == 0 || expected.length == 0) {
                return false;
            }
            return MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations, expected.length * 8));
        } catch (IllegalArgumentException e) {
            return false; // not a number or not Base64: a damaged value never matches
        }
    }

    /**
     * The SIP digest HA1 value (RFC 2617 section 3.2.2.2, RFC 8760 section 2.4).
     *
     * @param algorithm {@code MD5} or {@code SHA-256}
     * @return lower-case hex digest of {@code username:realm:password} in UTF-8
     */
    public static String ha1(String algorithm, String username, String realm, String password) {
        if (!"MD5".equals(algorithm) && !"SHA-256".equals(algorithm)) {
            throw new IllegalArgumentException("Unsupported digest algorithm: " + algorithm);
        }
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            byte[] value = digest.digest((username + ':' + realm + ':' + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has " + algorithm, e);
        }
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations, int bits) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java 17 runtime has " + ALGORITHM, e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
