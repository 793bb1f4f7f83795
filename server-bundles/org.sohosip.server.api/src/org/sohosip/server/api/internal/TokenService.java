// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Bearer tokens: 256 random bits, Base64url. Only their SHA-256 digests are kept, so a heap dump does not hand out
 * working tokens. Tokens live in memory: a server restart logs everybody out, which is acceptable for an office
 * server and keeps tokens out of the database.
 */
public final class TokenService {

    /** What a token stands for. */
    public record Session(long accountId, Instant expiresAt) {
    }

    /** A freshly issued token. */
    public record Issued(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[token=***, expiresAt=" + expiresAt + "]";
        }
    }

    /** Outcome of looking a token up. */
    public enum Status {
        /** The token is known and not expired. */
        VALID,
        /** The token was issued here but its time is up. */
        EXPIRED,
        /** The token was never issued, or was revoked. */
        UNKNOWN
    }

    /** A looked-up token: its status and, when valid, its session. */
    public record Lookup(Status status, @Nullable Session session) {
    }

    /** Expired entries are kept this long so that their holders learn "expired" rather than "unknown". */
    private static final Duration KEEP_EXPIRED = Duration.ofHours(1);

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random;

    /**
     * @param clock  time source
     * @param ttl    how long a token is accepted
     * @param random source of token bits
     */
    public TokenService(Clock clock, Duration ttl, SecureRandom random) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("api.token.ttl must be at least 1 second, not " + ttl.toSeconds());
        }
        this.clock = clock;
        this.ttl = ttl;
        this.random = random;
    }

    /** @return a new token for the account */
    public Issued issue(long accountId) {
        purgeLongExpired();
        byte[] bits = new byte[32];
        random.nextBytes(bits);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        Instant expiresAt = clock.instant().plus(ttl);
        sessions.put(digest(token), new Session(accountId, expiresAt));
        return new Issued(token, expiresAt);
    }

    /** @return what the token stands for */
    public Lookup lookup(String token) {
        Session session = sessions.get(digest(token));
        if (session == null) {
            return new Lookup(Status.UNKNOWN, null);
        }
        return clock.instant().isBefore(session.expiresAt()) ? new Lookup(Status.VALID, session)
                : new Lookup(Status.EXPIRED, null);
    }

    /** Makes the token stop working. */
    public void revoke(String token) {
        sessions.remove(digest(token));
    }

    /**
     * Makes every token of an account stop working (account disabled, password reset).
     *
     * @param keep a token to leave alone (the caller's own), or {@code null}
     */
    public void revokeAccount(long accountId, @Nullable String keep) {
        String kept = keep == null ? null : digest(keep);
        sessions.entrySet().removeIf(e -> e.getValue().accountId() == accountId && !e.getKey().equals(kept));
    }

    /** @return how many tokens are held, expired ones included (for tests and monitoring) */
    public int size() {
        return sessions.size();
    }

    private void purgeLongExpired() {
        Instant cutoff = clock.instant().minus(KEEP_EXPIRED);
        sessions.values().removeIf(s -> s.expiresAt().isBefore(cutoff));
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
