// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

/**
 * Told when the other side of a call asks this side to call someone else (an accepted REFER). Called on the user
 * agent's event thread.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface TransferListener {

    /**
     * The REFER was answered 202 and the first NOTIFY ({@code SIP/2.0 100 Trying}) is on its way. Place the new call
     * and {@link TransferRequest#follow follow} it, or {@link TransferRequest#refuse refuse}.
     *
     * @param call    the connected call that is being transferred
     * @param request where to and by whom, and how to report back
     */
    void transferRequested(SipCall call, TransferRequest request);
}
