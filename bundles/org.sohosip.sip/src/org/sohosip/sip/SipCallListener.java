// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

/**
 * Told of call events; all methods have empty defaults so a listener implements only what it needs. Called on the
 * user agent's event thread.
 *
 * @since 0.1
 */
public interface SipCallListener {

    /**
     * A call arrived (state {@link SipCallState#INCOMING}). Answer or refuse it now or later from any thread.
     *
     * @param call the new call
     */
    default void incomingCall(SipCall call) {
    }

    /**
     * A call changed state; for {@link SipCallState#ENDED} the {@link SipCall#endReason()} is set.
     *
     * @param call     the call
     * @param newState its new state
     */
    default void stateChanged(SipCall call, SipCallState newState) {
    }

    /**
     * The negotiated media changed: first negotiation, hold or resume from either side, a new remote address.
     *
     * @param call  the call
     * @param media the new media
     */
    default void mediaChanged(SipCall call, NegotiatedMedia media) {
    }
}
