// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

/**
 * The life of a call as a SIP dialog. Hold is not a state: see {@link SipCall#media()} and its direction.
 *
 * @since 0.1
 */
public enum SipCallState {
    /** Outgoing: INVITE sent, no provisional response with a tag yet. */
    CALLING,
    /** Outgoing: the other side rings (180) or sends early media (183). */
    RINGING,
    /** Incoming: waiting for {@link SipCall#answer}, {@link SipCall#rejectBusy} or {@link SipCall#decline}. */
    INCOMING,
    /** The INVITE got its 200 and the ACK went out or came in. */
    CONNECTED,
    /** Over; see {@link SipCall#endReason()}. */
    ENDED;

    /** @return whether the call has not ended */
    public boolean isLive() {
        return this != ENDED;
    }
}
