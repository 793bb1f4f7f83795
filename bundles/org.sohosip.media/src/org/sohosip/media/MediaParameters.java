// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What SDP offer/answer agreed for one call's audio.
 *
 * @param codec                   the codec to send; the session decodes PCMU and PCMA whichever arrives
 * @param remote                  where to send RTP (the peer's {@code c=} address and {@code m=audio} port); RTCP
 *                                goes to the next port up
 * @param sendTelephoneEvent      the payload type the peer declared for {@code telephone-event}, used when
 *                                sending DTMF, or {@link #NO_TELEPHONE_EVENT}
 * @param receiveTelephoneEvent   the payload type we declared for {@code telephone-event} (usually 101), or
 *                                {@link #NO_TELEPHONE_EVENT}; packets with either payload type are decoded as
 *                                DTMF events, so a peer that answers with its own number still works
 * @since 0.1
 */
public record MediaParameters(Codec codec, InetSocketAddress remote, int sendTelephoneEvent,
        int receiveTelephoneEvent) {

    /** Marks that no telephone-event payload type was negotiated. */
    public static final int NO_TELEPHONE_EVENT = -1;

    /** The telephone-event payload type SOHOSIP offers. */
    public static final int DEFAULT_TELEPHONE_EVENT = 101;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when a payload type is outside the dynamic range 96-127 (and is not
     *                                  {@link #NO_TELEPHONE_EVENT}) or the remote address is unresolved
     */
    public MediaParameters {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(remote, "remote");
        if (remote.isUnresolved()) {
            throw new IllegalArgumentException("The remote media address " + remote + " is not resolved");
        }
        checkEventType(sendTelephoneEvent);
        checkEventType(receiveTelephoneEvent);
    }

    /**
     * @param codec          the codec to send
     * @param remote         where to send RTP
     * @param telephoneEvent the telephone-event payload type both sides use, or {@link #NO_TELEPHONE_EVENT}
     * @return the parameters
     */
    public static MediaParameters of(Codec codec, InetSocketAddress remote, int telephoneEvent) {
        return new MediaParameters(codec, remote, telephoneEvent, telephoneEvent);
    }

    /** @return whether DTMF can be sent as RFC 4733 events */
    public boolean canSendTelephoneEvents() {
        return sendTelephoneEvent != NO_TELEPHONE_EVENT;
    }

    private static void checkEventType(int payloadType) {
        if (payloadType != NO_TELEPHONE_EVENT && (payloadType < 96 || payloadType > 127)) {
            throw new IllegalArgumentException(
                    "A telephone-event payload type must be between 96 and 127, not " + payloadType);
        }
    }
}
