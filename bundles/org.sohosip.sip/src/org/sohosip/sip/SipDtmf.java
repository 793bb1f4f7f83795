// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

import java.util.concurrent.CompletionStage;

/**
 * DTMF over SIP INFO with {@code application/dtmf-relay} bodies ({@code Signal=5\r\nDuration=160}). RFC 4733
 * events travel with the media: the media layer sends them with
 * {@link NegotiatedMedia#telephoneEventPayload()}.
 *
 * @since 0.1
 */
public interface SipDtmf {

    /**
     * @param call           a connected call
     * @param digit          one of {@code 0-9 * # A-D}
     * @param durationMillis the tone's duration (typically 160)
     * @return completes when the other side answered 200, exceptionally otherwise
     * @throws IllegalArgumentException for any other digit
     */
    CompletionStage<Void> sendInfo(SipCall call, char digit, int durationMillis);

    /** @param listener told of incoming INFO digits */
    void addDtmfListener(DtmfListener listener);

    /** @param listener no longer told */
    void removeDtmfListener(DtmfListener listener);
}
