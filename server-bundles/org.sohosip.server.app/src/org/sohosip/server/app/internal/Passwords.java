// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.app.internal;

import java.security.SecureRandom;

/** Random passwords that are easy to read aloud and type: no 0/O, 1/l/I. */
final class Passwords {

    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    static String random(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
