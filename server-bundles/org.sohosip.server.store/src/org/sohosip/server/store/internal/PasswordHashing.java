// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

/** Password hashing and SIP digest HA1 values (implementation pending). */
public final class PasswordHashing {
    private PasswordHashing() {
    }

    public static String hash(String password) {
        throw new UnsupportedOperationException("not yet");
    }

    public static boolean verify(String password, String hash) {
        throw new UnsupportedOperationException("not yet");
    }

    public static String ha1(String algorithm, String username, String realm, String password) {
        throw new UnsupportedOperationException("not yet");
    }
}
