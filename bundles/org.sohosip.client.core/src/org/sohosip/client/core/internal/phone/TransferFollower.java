// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal.phone;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.client.core.ClientException;
import org.sohosip.sip.SipCall;
import org.sohosip.sip.SipUserAgent;
import org.sohosip.sip.TransferListener;
import org.sohosip.sip.TransferRequest;

/**
 * Follows a transfer as a desk phone does (blind transfer, REFER): places the new call through the softphone's own
 * dial path and hands it to the SIP layer, which reports its progress to the transferring side and hangs up the
 * transferred call once the new one is answered. Nothing is asked of the user.
 */
final class TransferFollower implements TransferListener {

    private static final Logger LOG = LoggerFactory.getLogger(TransferFollower.class);
    private static final int CALL_GONE = 481;
    private static final int NOT_PLACED = 503;

    private final Softphone phone;
    private final SipUserAgent ua;

    TransferFollower(Softphone phone, SipUserAgent ua) {
        this.phone = phone;
        this.ua = ua;
    }

    @Override
    public void transferRequested(SipCall call, TransferRequest request) {
        Optional<PhoneCall> placed;
        try {
            placed = phone.placeTransfer(ua, call, request.target());
        } catch (ClientException e) {
            LOG.info("Could not follow the transfer of {} to {}: {}", call.id(), request.target(), e.getMessage());
            request.refuse(NOT_PLACED, "Could Not Place The Call");
            return;
        }
        if (placed.isEmpty()) {
            request.refuse(CALL_GONE, "Call Does Not Exist");
            return;
        }
        LOG.info("Call {} transferred to {} by {}", call.id(), request.target(),
                request.referredBy().orElse("the other side"));
        request.follow(placed.get().sip());
    }
}
