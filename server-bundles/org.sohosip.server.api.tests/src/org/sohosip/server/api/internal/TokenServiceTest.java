// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class TokenServiceTest {

    private final MutableClock clock = new MutableClock();
    private final TokenService tokens = new TokenService(clock, Duration.ofSeconds(60), new SecureRandom());

    @Test
    void issuedTokenIs256RandomBitsInBase64UrlAndExpiresAfterTtl() {
        TokenService.Issued a = tokens.issue(7);
        TokenService.Issued b = tokens.issue(7);
        assertEquals(32, Base64.getUrlDecoder().decode(a.token()).length);
        assertTrue(a.token().matches("[A-Za-z0-9_-]{43}"), a.token());
        assertNotEquals(a.token(), b.token());
        assertEquals(clock.instant().plusSeconds(60), a.expiresAt());
        assertFalse(a.toString().contains(a.token()), "toString must hide the token");
    }

    @Test
    void validTokenResolvesToItsAccount() {
        TokenService.Issued issued = tokens.issue(42);
        TokenService.Lookup lookup = tokens.lookup(issued.token());
        assertEquals(TokenService.Status.VALID, lookup.status());
        assertEquals(42, lookup.session().accountId());
    }

    @Test
    void unknownTokenIsUnknown() {
        tokens.issue(1);
        assertEquals(TokenService.Status.UNKNOWN, tokens.lookup("not-a-token").status());
    }

    @Test
    void tokenExpiresAtTtlAndSaysSo() {
        TokenService.Issued issued = tokens.issue(1);
        clock.advance(Duration.ofSeconds(59));
        assertEquals(TokenService.Status.VALID, tokens.lookup(issued.token()).status());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(TokenService.Status.EXPIRED, tokens.lookup(issued.token()).status());
    }

    @Test
    void longExpiredTokensAreForgottenWhenNewOnesAreIssued() {
        TokenService.Issued old = tokens.issue(1);
        clock.advance(Duration.ofHours(2));
        tokens.issue(2);
        assertEquals(TokenService.Status.UNKNOWN, tokens.lookup(old.token()).status());
        assertEquals(1, tokens.size());
    }

    @Test
    void revokedTokenIsUnknown() {
        TokenService.Issued issued = tokens.issue(1);
        tokens.revoke(issued.token());
        assertEquals(TokenService.Status.UNKNOWN, tokens.lookup(issued.token()).status());
    }

    @Test
    void revokeAccountEndsAllItsTokensButTheKeptOneAndNoOthers() {
        TokenService.Issued first = tokens.issue(1);
        TokenService.Issued second = tokens.issue(1);
        TokenService.Issued kept = tokens.issue(1);
        TokenService.Issued other = tokens.issue(2);
        tokens.revokeAccount(1, kept.token());
        assertEquals(TokenService.Status.UNKNOWN, tokens.lookup(first.token()).status());
        assertEquals(TokenService.Status.UNKNOWN, tokens.lookup(second.token()).status());
        assertEquals(TokenService.Status.VALID, tokens.lookup(kept.token()).status());
        assertEquals(TokenService.Status.VALID, tokens.lookup(other.token()).status());
        tokens.revokeAccount(1, null);
        assertEquals(TokenService.Status.UNKNOWN, tokens.lookup(kept.token()).status());
    }

    @Test
    void zeroTtlIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenService(clock, Duration.ZERO, new SecureRandom()));
    }
}
