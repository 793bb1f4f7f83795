// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.sohosip.server.notify.Notification;

/** Notices and recordings the tests send. */
final class Notices {

    /** Taipei: 06:05 UTC is 14:05 there. */
    static final ZoneId ZONE = ZoneId.of("Asia/Taipei");
    static final Instant RECEIVED = Instant.parse("2026-11-26T06:05:00Z");

    private Notices() {
    }

    static Notification notice(String recipient, String callerName, byte[] wav) {
        return new Notification("alice", recipient, "0223456789", callerName, RECEIVED, Duration.ofMillis(12_400),
                () -> new ByteArrayInputStream(wav));
    }

    /** @return a WAV file of {@code seconds} of a 440 Hz tone, 8 kHz 16-bit mono, as the store produces */
    static byte[] wav(int seconds) {
        int samples = 8000 * seconds;
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0)));
        }
        return b.array();
    }

    static String sha256(byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
