// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.sohosip.sip.NegotiatedMedia;
import org.sohosip.sip.SipCall;
import org.sohosip.sip.SipCallHold;
import org.sohosip.sip.SipException;

/** Hold and resume by re-INVITE. */
final class HoldImpl implements SipCallHold {

    private final TelephonyImpl tel;

    HoldImpl(TelephonyImpl tel) {
        this.tel = tel;
    }

    @Override
    public CompletionStage<NegotiatedMedia> hold(SipCall call) {
        return change(call, true);
    }

    @Override
    public CompletionStage<NegotiatedMedia> resume(SipCall call) {
        return change(call, false);
    }

    private CompletionStage<NegotiatedMedia> change(SipCall call, boolean hold) {
        CallImpl c = own(call);
        CompletableFuture<NegotiatedMedia> result = new CompletableFuture<>();
        tel.ua.onWorker(() -> c.sendReinvite(hold).whenComplete((m, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                result.complete(m);
            }
        }));
        return result;
    }

    @Override
    public boolean isOnHold(SipCall call) {
        return own(call).localHold;
    }

    @Override
    public boolean isRemoteHold(SipCall call) {
        return own(call).remoteHold;
    }

    CallImpl own(SipCall call) {
        if (call instanceof CallImpl c && c.tel == tel) {
            return c;
        }
        throw new SipException("The call does not belong to this user agent");
    }
}
