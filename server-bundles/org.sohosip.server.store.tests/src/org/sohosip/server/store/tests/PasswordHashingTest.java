// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.sohosip.server.store.Credentials;
import org.sohosip.server.store.internal.PasswordHashing;

class PasswordHashingTest {

    @Test
    void md5Ha1MatchesRfc2617Example() {
        // RFC 2617 section 3.5: user Mufasa, realm testrealm@host.com, password "Circle Of Life".
        assertEquals("939e7578ed9e3c518a452acee763bce9",
                PasswordHashing.ha1("MD5", "Mufasa", "testrealm@host.com", "Circle Of Life"));
    }

    @Test
    void sha256Ha1MatchesRfc7616Example() {
        // RFC 7616 section 3.9.1 uses the same user with realm http-auth@example.org; its SHA-256 response
        // is built from this HA1 (independently computed: sha256sum of "Mufasa:http-auth@example.org:Circle of Life").
        assertEquals("7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232",
                PasswordHashing.ha1("SHA-256", "Mufasa", "http-auth@example.org", "Circle of Life"));
    }

    @Test
    void ha1IsUtf8AndLowerCaseHex() {
        String ha1 = PasswordHashing.ha1("SHA-256", "zoë", "büro.example", "pässwörd");
        assertTrue(ha1.matches("[0-9a-f]{64}"), ha1);
        assertNotEquals(ha1, PasswordHashing.ha1("SHA-256", "zoe", "büro.example", "pässwörd"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHashing.ha1("SHA-1", "a", "b", "c"));
    }

    @Test
    void hashIsSelfDescribingSaltedAndVerifies() {
        String hash = PasswordHashing.hash("correct horse battery staple");
        String[] parts = hash.split("\\$");
        assertEquals(4, parts.length, "pbkdf2-sha256$iterations$salt$hash");
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals(PasswordHashing.ITERATIONS, Integer.parseInt(parts[1]));
        assertTrue(PasswordHashing.ITERATIONS >= 100_000);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length, "16-byte salt");
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length, "256-bit hash");
        assertTrue(PasswordHashing.verify("correct horse battery staple", hash));
        assertFalse(PasswordHashing.verify("correct horse battery stapl", hash));
        assertFalse(PasswordHashing.verify("", hash));
        assertNotEquals(hash, PasswordHashing.hash("correct horse battery staple"), "a new salt every time");
    }

    @Test
    void verifiesHashesWithOtherIterationCounts() {
        String hash = PasswordHashing.hash("s3cret-pass", 1_000);
        assertTrue(hash.startsWith("pbkdf2-sha256$1000$"));
        assertTrue(PasswordHashing.verify("s3cret-pass", hash));
        assertFalse(PasswordHashing.verify("s3cret-Pass", hash));
    }

    @Test
    void malformedStoredValuesNeverMatch() {
        for (String stored : new String[] { "", "plain", "pbkdf2-sha256$x$AAAA$AAAA", "pbkdf2-sha256$1000$!!$AAAA",
                "md5$1000$AAAA$AAAA", "pbkdf2-sha256$0$AAAA$AAAA", "pbkdf2-sha256$99999999999$AAAA$AAAA",
                "pbkdf2-sha256$1000$$" }) {
            assertFalse(PasswordHashing.verify("anything", stored), stored);
        }
    }

    @Test
    void oneHashCostsTensOfMilliseconds() {
        PasswordHashing.hash("warm-up-password");
        long begin = System.nanoTime();
        int rounds = 5;
        for (int i = 0; i < rounds; i++) {
            PasswordHashing.hash("measured-password");
        }
        long ms = (System.nanoTime() - begin) / 1_000_000 / rounds;
        System.out.println("[FIGURE] PBKDF2-SHA256 with " + PasswordHashing.ITERATIONS + " iterations: " + ms
                + " ms per hash");
        assertTrue(ms >= 10, "a hash must stay expensive for a guesser: " + ms + " ms");
    }

    @Test
    void credentialsDeriveAllValuesAndHideThemInToString() {
        Credentials credentials = Credentials.derive("Mufasa", "testrealm@host.com", "Circle Of Life");
        assertEquals("939e7578ed9e3c518a452acee763bce9", credentials.ha1Md5());
        assertEquals(PasswordHashing.ha1("SHA-256", "Mufasa", "testrealm@host.com", "Circle Of Life"),
                credentials.ha1Sha256());
        assertTrue(credentials.matches("Circle Of Life"));
        assertFalse(credentials.matches("circle of life"));
        assertFalse(credentials.toString().contains(credentials.ha1Md5()));
        assertFalse(credentials.toString().contains(credentials.passwordHash()));
    }
}
