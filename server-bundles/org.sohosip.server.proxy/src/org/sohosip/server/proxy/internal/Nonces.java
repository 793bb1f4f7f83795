// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless digest nonces: the issue time and an HMAC over it with a key that lives only in memory, so a nonce
 * proves the server issued it and how old it is without the server remembering anything. A restart makes old
 * nonces invalid, which only costs phones one more challenge.
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

    /** @return a new nonce stamped now */
    String issue() {
        ByteBuffer buffer = ByteBuffer.allocate(8 + MAC_BYTES);
        long now = clock.getAsLong();
        buffer.putLong(now);
        buffer.put(mac(now), 0, MAC_BYTES);
        return ENCODER.encodeToString(buffer.array());
    }

    Check check(String nonce) {
        byte[] raw;
        try {
            raw = DECODER.decode(nonce);
        } catch (IllegalArgumentException e) {
            return Check.INVALID;
        }
        if (raw.length != 8 + MAC_BYTES) {
            return Check.INVALID;
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        long issued = buffer.getLong();
        byte[] presented = new byte[MAC_BYTES];
        buffer.get(presented);
        byte[] expected = new byte[MAC_BYTES];
        System.arraycopy(mac(issued), 0, expected, 0, MAC_BYTES);
        if (!MessageDigest.isEqual(presented, expected)) {
            return Check.INVALID;
        }
        long age = clock.getAsLong() - issued;
        return age < 0 || age > lifetimeMillis ? Check.STALE : Check.VALID;
    }

    private byte[] mac(long time) {
        Mac mac = macs.get();
        for (int shift = 56; shift >= 0; shift -= 8) {
            mac.update((byte) (time >>> shift));
        }
        return mac.doFinal();
    }
}
