// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

/**
 * Being transferred: a REFER the other side of a connected call sends inside its dialog (RFC 3515, blind transfer).
 * While no {@link TransferListener} is added, such a REFER is refused with 403; with one, it is accepted with 202 and
 * the listener places the new call and hands it to {@link TransferRequest#follow}. Sending a REFER is
 * {@link SipCall#transfer}.
 *
 * <p>
 * Refused without asking a listener: a REFER outside a dialog (403), for a call that is not connected (403), while
 * another transfer of the call is under way (491), without exactly one readable {@code Refer-To} or with one that is
 * no {@code sip:}/{@code sips:} address (400), and an attended transfer ({@code Replaces} in the {@code Refer-To},
 * 501).
 *
 * @since 0.1
 */
public interface SipTransfers {

    /** @param listener told of every accepted transfer request */
    void addTransferListener(TransferListener listener);

    /** @param listener no longer told */
    void removeTransferListener(TransferListener listener);
}
