// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

import java.util.Optional;

/**
 * One call (one INVITE dialog). Actions return at once; their outcome arrives through {@link SipCallListener}.
 *
 * @since 0.1
 */
public interface SipCall {

    /** @return an id unique within the user agent */
    String id();

    /** @return the SIP Call-ID */
    String callId();

    /** @return {@code true} for a call this agent placed */
    boolean outgoing();

    /** @return the other side */
    SipParty remoteParty();

    /** @return the current state */
    SipCallState state();

    /**
     * @return the negotiated media once an SDP answer (or, for an incoming call, the offer) is known; for an
     *         incoming call before answering, the offer read as if answered with {@code sendrecv}
     */
    Optional<NegotiatedMedia> media();

    /** @return why the call ended, once {@link SipCallState#ENDED} */
    Optional<EndReason> endReason();

    /**
     * Answers an incoming call with 200 and the SDP answer: the first codec of the offer this agent supports.
     *
     * @param local where this side receives RTP
     * @throws SipException when the call is not {@link SipCallState#INCOMING}
     */
    void answer(LocalMedia local);

    /** Refuses an incoming call with 486 Busy Here. */
    void rejectBusy();

    /** Refuses an incoming call with 603 Decline. */
    void decline();

    /**
     * Ends the call whatever its state: CANCEL while an outgoing call has not been answered, 480 for an unanswered
     * incoming call, BYE for a connected one. Does nothing on an ended call.
     */
    void hangUp();
}
