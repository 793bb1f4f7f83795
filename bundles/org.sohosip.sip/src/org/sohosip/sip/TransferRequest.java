// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

import java.util.Optional;

/**
 * One accepted transfer request (REFER) and its implicit subscription: the other side learns of the new call's
 * progress through NOTIFYs with {@code message/sipfrag} bodies, and the transferred call is hung up once the new call
 * got an answer. Methods may be called from any thread; only the first {@code follow} or {@code refuse} counts.
 *
 * @since 0.1
 */
public interface TransferRequest {

    /** @return the call being transferred */
    SipCall call();

    /** @return the {@code Refer-To} address without URI headers, e.g. {@code sip:3309@sohosip.local} */
    String target();

    /** @return the {@code Referred-By} address, when the REFER named one */
    Optional<String> referredBy();

    /**
     * Reports the new call: {@code SIP/2.0 180 Ringing} while it rings, then its final status (e.g.
     * {@code SIP/2.0 200 OK} or {@code SIP/2.0 486 Busy Here}) in the last NOTIFY
     * ({@code Subscription-State: terminated;reason=noresource}). The transferred call is hung up (BYE) as soon as
     * the new call rings, is answered or fails, unless the other side hung up first.
     *
     * @param newCall a call placed by the same user agent for this request
     * @throws SipException when the call belongs to another user agent
     */
    void follow(SipCall newCall);

    /**
     * The new call could not be placed: the last NOTIFY carries this status and the transferred call stays as it is.
     *
     * @param status a final SIP status (400-699)
     * @param reason its reason phrase
     */
    void refuse(int status, String reason);
}
