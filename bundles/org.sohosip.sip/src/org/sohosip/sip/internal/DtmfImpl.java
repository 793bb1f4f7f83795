// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.sohosip.sip.DtmfListener;
import org.sohosip.sip.SipCall;
import org.sohosip.sip.SipDtmf;

/** DTMF over SIP INFO. */
final class DtmfImpl implements SipDtmf {

    private final TelephonyImpl tel;

    DtmfImpl(TelephonyImpl tel) {
        this.tel = tel;
    }

    @Override
    public CompletionStage<Void> sendInfo(SipCall call, char digit, int durationMillis) {
        DtmfInfo.body(digit, durationMillis); // refuse a bad digit on the caller's thread
        CallImpl c = tel.hold.own(call);
        CompletableFuture<Void> result = new CompletableFuture<>();
        tel.ua.onWorker(() -> c.sendInfo(digit, durationMillis).whenComplete((v, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                result.complete(null);
            }
        }));
        return result;
    }

    @Override
    public void addDtmfListener(DtmfListener listener) {
        tel.dtmfListeners.add(listener);
    }

    @Override
    public void removeDtmfListener(DtmfListener listener) {
        tel.dtmfListeners.remove(listener);
    }
}
