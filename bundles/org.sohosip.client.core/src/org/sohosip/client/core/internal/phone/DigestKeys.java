// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal.phone;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Computes digest HA1 values (RFC 2617 / RFC 8760) from the password at login, so that the password need not be
 * kept for registering and calling later.
 */
public final class DigestKeys {

    private DigestKeys() {
    }

    /**
     * @param algorithm {@code MD5} or {@code SHA-256}
     * @param username  user name
     * @param realm     digest realm (the SIP domain)
     * @param password  the password; not changed, not kept
     * @return lower-case hex of {@code H(username:realm:password)}
     */
    public static String ha1(String algorithm, String username, String realm, char[] password) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available in this Java runtime", e);
        }
        md.update((username + ":" + realm + ":").getBytes(StandardCharsets.UTF_8));
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] pw = new byte[bytes.remaining()];
        bytes.get(pw);
        // leave no copy of the password behind in the buffers this method made
        if (bytes.hasArray()) {
            Arrays.fill(bytes.array(), (byte) 0);
        }
        md.update(pw);
        Arrays.fill(pw, (byte) 0);
        return HexFormat.of().formatHex(md.digest());
    }
}
