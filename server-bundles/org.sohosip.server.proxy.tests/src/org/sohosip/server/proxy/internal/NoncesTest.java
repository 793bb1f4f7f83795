// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class NoncesTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Nonces nonces = new Nonces(300_000, now::get);

    @Test
    void aFreshNonceIsValidUntilItsLifetimeEnds() {
        String nonce = nonces.issue();
        assertEquals(Nonces.Check.VALID, nonces.check(nonce));
        now.addAndGet(300_000);
        assertEquals(Nonces.Check.VALID, nonces.check(nonce));
        now.addAndGet(1);
        assertEquals(Nonces.Check.STALE, nonces.check(nonce));
    }

    @Test
    void aNonceFromElsewhereOrAlteredIsInvalid() {
        String nonce = nonces.issue();
        char last = nonce.charAt(nonce.length() - 1);
        String altered = nonce.substring(0, nonce.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertEquals(Nonces.Check.INVALID, nonces.check(altered));
        assertEquals(Nonces.Check.INVALID, new Nonces(300_000, now::get).check(nonce), "another key: a restart");
        assertEquals(Nonces.Check.INVALID, nonces.check("not base64 !"));
        assertEquals(Nonces.Check.INVALID, nonces.check(""));
    }

    @Test
    void nonceIssuedAtTheSameMillisecondAreEqualButLaterOnesDiffer() {
        String a = nonces.issue();
        now.incrementAndGet();
        assertNotEquals(a, nonces.issue());
    }
}
