// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.sip.DtmfListener;
import org.sohosip.sip.LocalMedia;
import org.sohosip.sip.SipCall;
import org.sohosip.sip.SipCallListener;
import org.sohosip.sip.SipException;
import org.sohosip.sip.SipTelephony;

/** Basic telephony over INVITE dialogs; routes in-dialog requests to their call by Call-ID. */
final class TelephonyImpl implements SipTelephony {

    final UserAgentImpl ua;
    final SipProvider provider;
    final HoldImpl hold;
    final DtmfImpl dtmf;
    final TransfersImpl transfers;
    private final Map<String, CallImpl> calls = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<SipCallListener> listeners = new CopyOnWriteArrayList<>();
    final CopyOnWriteArrayList<DtmfListener> dtmfListeners = new CopyOnWriteArrayList<>();
    private long nextId = 1;
    private long nextSeq = 1;

    TelephonyImpl(UserAgentImpl ua, SipProvider provider) {
        this.ua = ua;
        this.provider = provider;
        this.hold = new HoldImpl(this);
        this.dtmf = new DtmfImpl(this);
        this.transfers = new TransfersImpl(this);
    }

    @Override
    public SipCall dial(String target, LocalMedia local) {
        if (ua.isClosed()) {
            throw new SipException("The SIP user agent is closed");
        }
        javax.sip.address.URI uri = ua.msg.target(target);
        CallImpl call = new CallImpl(this, newId(), provider.getNewCallId().getCallId(), true,
                SipMessages.party(ua.msg.addresses.createAddress(uri)));
        calls.put(call.callId(), call);
        ua.onWorker(() -> call.dial(local, uri));
        return call;
    }

    @Override
    public List<SipCall> calls() {
        List<SipCall> out = new ArrayList<>();
        calls.values().stream().filter(c -> c.state().isLive()).sorted((a, b) -> Long.compare(a.seq, b.seq))
                .forEach(out::add);
        return out;
    }

    @Override
    public void addCallListener(SipCallListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeCallListener(SipCallListener listener) {
        listeners.remove(listener);
    }

    void tell(Consumer<SipCallListener> event) {
        for (SipCallListener l : listeners) {
            ua.tell(() -> event.accept(l));
        }
    }

    synchronized long nextSeq() {
        return nextSeq++;
    }

    synchronized String newId() {
        return "call-" + (nextId++);
    }

    void ended(CallImpl call) {
        calls.remove(call.callId(), call);
    }

    /** Ends every call for shutdown; returns what to wait for. */
    List<CompletableFuture<?>> endAll() {
        List<CompletableFuture<?>> waits = new ArrayList<>();
        for (CallImpl c : calls.values()) {
            waits.add(c.endForShutdown());
        }
        return waits;
    }

    void onRequest(Request req, @Nullable ServerTransaction st, @Nullable Dialog dialog) {
        String callId = ((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId();
        CallImpl call = calls.get(callId);
        String method = req.getMethod();
        if (Request.INVITE.equals(method) && call == null) {
            String toTag = ((ToHeader) req.getHeader(ToHeader.NAME)).getTag();
            if (toTag != null) {
                ua.respond(st, req, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                return;
            }
            if (st == null) {
                return;
            }
            CallImpl incoming = new CallImpl(this, newId(), callId, false, SipMessages.party(
                    ((javax.sip.header.FromHeader) req.getHeader(javax.sip.header.FromHeader.NAME)).getAddress()));
            calls.put(callId, incoming);
            incoming.incoming(req, st);
            return;
        }
        boolean inDialog = ((ToHeader) req.getHeader(ToHeader.NAME)).getTag() != null;
        if (Request.REFER.equals(method) && (call == null || !inDialog)) {
            transfers.outsideDialog(req, st);
            return;
        }
        if (call == null) {
            if (!Request.ACK.equals(method)) {
                ua.respond(st, req, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            }
            return;
        }
        switch (method) {
            case Request.INVITE -> call.session.reInvite(req, java.util.Objects.requireNonNull(st));
            case Request.ACK -> call.ack(req);
            case Request.BYE -> call.bye(req, st);
            case Request.CANCEL -> call.cancelled(req, st);
            case Request.INFO -> call.session.info(req, st);
            case Request.REFER -> transfers.onRefer(call, req, st);
            // the progress of a transfer this side asked for (RFC 3515): taken, nothing waits for it
            case Request.NOTIFY -> ua.respond(st, req, Response.OK);
            default -> ua.respond(st, req, Response.METHOD_NOT_ALLOWED);
        }
    }

    void onDialogTimeout(Dialog d) {
        CallImpl call = calls.get(d.getCallId().getCallId());
        if (call != null) {
            call.dialogTimedOut();
        }
    }
}
