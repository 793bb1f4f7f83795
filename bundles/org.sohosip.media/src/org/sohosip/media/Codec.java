// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media;

import java.util.Optional;

/**
 * The audio codecs a media session can send and receive: G.711 µ-law and A-law, with their static RTP payload
 * types (RFC 3551).
 *
 * @since 0.1
 */
public enum Codec {

    /** G.711 µ-law, payload type 0. */
    PCMU(0),

    /** G.711 A-law, payload type 8. */
    PCMA(8);

    private final int payloadType;

    Codec(int payloadType) {
        this.payloadType = payloadType;
    }

    /** @return the static RTP payload type */
    public int payloadType() {
        return payloadType;
    }

    /** @return the encoding name used in SDP {@code a=rtpmap} lines ({@code PCMU} or {@code PCMA}) */
    public String encodingName() {
        return name();
    }

    /**
     * @param payloadType an RTP payload type
     * @return the codec with that static payload type, if any
     */
    public static Optional<Codec> ofPayloadType(int payloadType) {
        for (Codec codec : values()) {
            if (codec.payloadType == payloadType) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }

    /**
     * @param encodingName an SDP encoding name, any case
     * @return the codec with that name, if any
     */
    public static Optional<Codec> ofEncodingName(String encodingName) {
        for (Codec codec : values()) {
            if (codec.name().equalsIgnoreCase(encodingName)) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }
}
