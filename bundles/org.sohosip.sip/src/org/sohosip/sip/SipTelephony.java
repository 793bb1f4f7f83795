// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

import java.util.List;

/**
 * Basic telephony: placing calls and hearing of incoming ones. Answer, refuse and hang up are on {@link SipCall}.
 *
 * @since 0.1
 */
public interface SipTelephony {

    /**
     * Sends an INVITE with an SDP offer (PCMU, PCMA, telephone-event; sendrecv; ptime 20) through the identity's
     * outbound proxy. A 401/407 challenge is answered with the identity's credentials.
     *
     * @param target a {@code sip:} URI, or a user part (extension, user name) that is put into the identity's
     *               domain
     * @param local  where this side receives RTP
     * @return the new call in state {@link SipCallState#CALLING}
     * @throws SipException when the target is not a valid address or the agent is closed
     */
    SipCall dial(String target, LocalMedia local);

    /** @return calls that have not ended, oldest first */
    List<SipCall> calls();

    /** @param listener told of incoming calls and every call's changes */
    void addCallListener(SipCallListener listener);

    /** @param listener no longer told */
    void removeCallListener(SipCallListener listener);
}
