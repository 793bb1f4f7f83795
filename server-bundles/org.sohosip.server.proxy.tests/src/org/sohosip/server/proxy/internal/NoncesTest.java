// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        // Not the last character: some of its bits may be padding that decoding ignores. This one is all MAC bits.
        int at = nonce.length() - 2;
        char c = nonce.charAt(at);
        String altered = nonce.substring(0, at) + (c == 'A' ? 'B' : 'A') + nonce.substring(at + 1);
        assertEquals(Nonces.Check.INVALID, nonces.check(altered));
        assertEquals(Nonces.Check.INVALID, new Nonces(300_000, now::get).check(nonce), "another key: a restart");
        assertEquals(Nonces.Check.INVALID, nonces.check("not base64 !"));
        assertEquals(Nonces.Check.INVALID, nonces.check(""));
    }

    @Test
    void noncesIssuedInTheSameMillisecondDiffer() {
        String a = nonces.issue();
        String b = nonces.issue();
        assertNotEquals(a, b);
        assertEquals(Nonces.Check.VALID, nonces.check(a));
        assertEquals(Nonces.Check.VALID, nonces.check(b));
    }

    @Test
    void aNonceCountIsAcceptedOnlyOnceExceptForARetransmissionOfTheSameRequest() {
        String nonce = nonces.issue();
        assertTrue(nonces.firstUse(nonce, 1, "call-1 1 REGISTER"));
        assertTrue(nonces.firstUse(nonce, 1, "call-1 1 REGISTER"), "the same request retransmitted");
        assertFalse(nonces.firstUse(nonce, 1, "call-1 2 REGISTER"), "another request with a used count: a replay");
        assertTrue(nonces.firstUse(nonce, 2, "call-1 2 REGISTER"), "the phone counts up");
        assertFalse(nonces.firstUse(nonce, 1, "call-9 1 INVITE"), "a lower count: a replay");
        assertTrue(nonces.firstUse(nonces.issue(), 1, "call-9 1 INVITE"), "counts are kept per nonce");
    }

    @Test
    void countsOfExpiredNoncesAreForgotten() {
        String old = nonces.issue();
        nonces.firstUse(old, 1, "a");
        now.addAndGet(200_000);
        String young = nonces.issue();
        nonces.firstUse(young, 1, "b");
        now.addAndGet(100_001);
        nonces.sweep();
        assertEquals(1, nonces.remembered());
        assertFalse(nonces.firstUse(young, 1, "c"), "the young nonce's count is still remembered");
    }
}
