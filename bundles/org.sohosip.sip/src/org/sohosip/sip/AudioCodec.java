// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

import java.util.Locale;
import java.util.Optional;

/**
 * The audio codecs the user agent offers and accepts, with their static RTP payload types (8 kHz, 20 ms packets).
 *
 * @since 0.1
 */
public enum AudioCodec {
    /** G.711 µ-law, payload type 0. */
    PCMU(0),
    /** G.711 A-law, payload type 8. */
    PCMA(8);

    private final int payloadType;

    AudioCodec(int payloadType) {
        this.payloadType = payloadType;
    }

    /** @return the static RTP payload type */
    public int payloadType() {
        return payloadType;
    }

    /**
     * @param payloadType an RTP payload type
     * @param encoding    the encoding name from {@code a=rtpmap}, or {@code null} when there was none
     * @return the codec it denotes, if it is one of ours
     */
    public static Optional<AudioCodec> of(int payloadType, @org.eclipse.jdt.annotation.Nullable String encoding) {
        for (AudioCodec c : values()) {
            if (encoding != null ? c.name().equals(encoding.toUpperCase(Locale.ROOT)) : c.payloadType == payloadType) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
