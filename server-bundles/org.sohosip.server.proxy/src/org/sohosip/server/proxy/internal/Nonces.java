// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless digest nonces: the issue time and an HMAC over it with a key that lives only in memory, so a nonce
 * proves the server issued it and how old it is. A restart makes old nonces invalid, which only costs phones one
 * more challenge. The one thing remembered is the highest nonce count ({@code nc}) used with each nonce while it is
 * valid, so that a captured request cannot be replayed (RFC 7616 §3.3: a phone reusing a nonce counts up).
 */
final class Nonces {

    /** What a presented nonce turned out to be. */
    enum Check {
        VALID, STALE, INVALID
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;

    private final ThreadLocal<Mac> macs;
    private final AtomicLong serials = new AtomicLong();
    private final ConcurrentMap<String, Use> highestCount = new ConcurrentHashMap<>();

    /** The highest count a nonce was used with, and by which request (Call-ID and CSeq). */
    private record Use(long count, String request) {
    }
    private final long lifetimeMillis;
    private final LongSupplier clock;

    Nonces(long lifetimeMillis, LongSupplier clock) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SecretKeySpec spec = new SecretKeySpec(key, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
            }
        });
        this.lifetimeMillis = lifetimeMillis;
        this.clock = clock;
    }

    /**
     * @return a new nonce stamped now; a serial number makes every nonce unique, so that the nonce counts of two
     *         phones challenged in the same millisecond are not taken for a replay
     */
    String issue() {
        ByteBuffer buffer = ByteBuffer.allocate(16 + MAC_BYTES);
        long now = clock.getAsLong();
        long serial = serials.incrementAndGet();
        buffer.putLong(now);
        buffer.putLong(serial);
        buffer.put(mac(now, serial), 0, MAC_BYTES);
        return ENCODER.encodeToString(buffer.array());
    }

    Check check(String nonce) {
        byte[] raw;
        try {
            raw = DECODER.decode(nonce);
        } catch (IllegalArgumentException e) {
            return Check.INVALID;
        }
        if (raw.length != 16 + MAC_BYTES) {
            return Check.INVALID;
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        long issued = buffer.getLong();
        long serial = buffer.getLong();
        byte[] presented = new byte[MAC_BYTES];
        buffer.get(presented);
        byte[] expected = new byte[MAC_BYTES];
        System.arraycopy(mac(issued, serial), 0, expected, 0, MAC_BYTES);
        if (!MessageDigest.isEqual(presented, expected)) {
            return Check.INVALID;
        }
        long age = clock.getAsLong() - issued;
        return age < 0 || age > lifetimeMillis ? Check.STALE : Check.VALID;
    }

    /**
     * Notes a use of a valid nonce with a nonce count.
     *
     * @param request what identifies the request (Call-ID and CSeq): a retransmission of the request that last used
     *        the nonce carries the same count and is not a replay
     * @return whether the count is higher than every count this nonce was used with before, or this is a
     *         retransmission of the request that used the highest
     */
    boolean firstUse(String nonce, long count, String request) {
        boolean[] fresh = new boolean[1];
        highestCount.compute(nonce, (n, highest) -> {
            fresh[0] = highest == null || count > highest.count()
                    || (count == highest.count() && request.equals(highest.request()));
            return fresh[0] ? new Use(count, request) : highest;
        });
        return fresh[0];
    }

    /** Forgets the counts of nonces that are no longer valid: they are refused as stale anyway. */
    void sweep() {
        long now = clock.getAsLong();
        highestCount.keySet().removeIf(nonce -> {
            long issued = issuedAt(nonce);
            return issued < 0 || now - issued > lifetimeMillis;
        });
    }

    /** @return how many nonces have counts remembered */
    int remembered() {
        return highestCount.size();
    }

    private static long issuedAt(String nonce) {
        try {
            byte[] raw = DECODER.decode(nonce);
            return raw.length == 16 + MAC_BYTES ? ByteBuffer.wrap(raw).getLong() : -1;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private byte[] mac(long time, long serial) {
        Mac mac = macs.get();
        for (int shift = 56; shift >= 0; shift -= 8) {
            mac.update((byte) (time >>> shift));
        }
        for (int shift = 56; shift >= 0; shift -= 8) {
            mac.update((byte) (serial >>> shift));
        }
        return mac.doFinal();
    }
}
