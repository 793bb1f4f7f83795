// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

import org.sohosip.server.store.internal.PasswordHashing;

/**
 * What the store keeps of a password: a salted, slow hash for API logins and the SIP digest HA1 values
 * ({@code H(username:realm:password)}) with MD5 and SHA-256 (RFC 8760). The password itself is never kept.
 *
 * @param passwordHash self-describing salted hash ({@code pbkdf2-sha256$iterations$salt$hash}, Base64)
 * @param ha1Md5       hex MD5 of {@code username:realm:password}
 * @param ha1Sha256    hex SHA-256 of {@code username:realm:password}
 * @param realm        the SIP realm the HA1 values were made for
 * @since 0.1
 */
public record Credentials(String passwordHash, String ha1Md5, String ha1Sha256, String realm) {

    /**
     * Derives all stored values from a password.
     *
     * @param username the account's user name
     * @param realm    the SIP realm (the office's SIP domain)
     * @param password the clear-text password, used here and forgotten
     */
    public static Credentials derive(String username, String realm, String password) {
        return new Credentials(PasswordHashing.hash(password), PasswordHashing.ha1("MD5", username, realm, password),
                PasswordHashing.ha1("SHA-256", username, realm, password), realm);
    }

    /** @return whether {@code password} is the password these credentials were derived from (constant time) */
    public boolean matches(String password) {
        return PasswordHashing.verify(password, passwordHash);
    }

    /** Keeps hashes out of logs. */
    @Override
    public String toString() {
        return "Credentials[realm=" + realm + ", ***]";
    }
}
