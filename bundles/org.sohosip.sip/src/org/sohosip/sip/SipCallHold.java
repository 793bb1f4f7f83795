// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

import java.util.concurrent.CompletionStage;

/**
 * Hold and resume by re-INVITE: hold offers {@code sendonly} (or {@code inactive} when the other side holds us
 * too), resume offers {@code sendrecv}. A re-INVITE from the other side is answered automatically and reported
 * through {@link SipCallListener#mediaChanged}.
 *
 * @since 0.1
 */
public interface SipCallHold {

    /**
     * @param call a connected call
     * @return completes with the media after the other side answered (direction sendonly or inactive), or
     *         exceptionally with {@link SipException} when it refused or did not answer
     */
    CompletionStage<NegotiatedMedia> hold(SipCall call);

    /**
     * @param call a call on hold
     * @return completes with the media after the other side answered
     */
    CompletionStage<NegotiatedMedia> resume(SipCall call);

    /**
     * @param call a call
     * @return whether this side has put it on hold
     */
    boolean isOnHold(SipCall call);

    /**
     * @param call a call
     * @return whether the other side has put it on hold
     */
    boolean isRemoteHold(SipCall call);
}
