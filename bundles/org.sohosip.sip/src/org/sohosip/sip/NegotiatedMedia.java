// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

import java.util.Objects;

/**
 * The outcome of an SDP offer/answer (RFC 3264) for the audio stream: where to send RTP, with which codec, how to
 * send RFC 4733 DTMF, and in which direction media flows from this side.
 *
 * @param remoteAddress          IP address the other side receives RTP on
 * @param remotePort             its RTP port (0 when the other side refused the stream)
 * @param codec                  the codec both sides use
 * @param telephoneEventPayload  payload type for RFC 4733 events towards the other side, or -1 when it supports
 *                               none (then send DTMF with {@link SipDtmf#sendInfo})
 * @param direction              this side's direction: {@link MediaDirection#SENDONLY} while we hold,
 *                               {@link MediaDirection#RECVONLY} while the other side holds us,
 *                               {@link MediaDirection#INACTIVE} when both do
 * @param ptimeMillis            packet time to send, in milliseconds (20)
 * @since 0.1
 */
public record NegotiatedMedia(String remoteAddress, int remotePort, AudioCodec codec, int telephoneEventPayload,
        MediaDirection direction, int ptimeMillis) {

    /** Checks the values. */
    public NegotiatedMedia {
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(direction, "direction");
    }

    /** @return whether RFC 4733 events can be sent */
    public boolean supportsTelephoneEvent() {
        return telephoneEventPayload >= 0;
    }
}
