// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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

    /**
     * @param name a header name, e.g. {@code Diversion}, {@code History-Info}, {@code P-Asserted-Identity}
     * @return for an incoming call, the values of that header in its INVITE, in order (a header with several
     *         comma-separated values counts as one); empty for an outgoing call or when the INVITE had none
     */
    default List<String> inviteHeaders(String name) {
        return List.of();
    }

    /** @return for an incoming call, the user part of its INVITE's Request-URI (empty when none, or outgoing) */
    default String requestUser() {
        return "";
    }

    /**
     * Asks the other side to call {@code target} instead (REFER, RFC 3515, blind transfer). This side hangs up
     * once the other side accepted.
     *
     * @param target a {@code sip:} URI, or a user part (extension, user name) in the identity's domain
     * @return completes when the REFER was accepted, exceptionally otherwise
     */
    default CompletionStage<Void> transfer(String target) {
        return CompletableFuture.failedFuture(new SipException("Transfer is not supported here"));
    }
}
