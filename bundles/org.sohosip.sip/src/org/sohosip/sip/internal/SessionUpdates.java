// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.internal;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.sip.EndReason;
import org.sohosip.sip.LocalMedia;
import org.sohosip.sip.MediaDirection;
import org.sohosip.sip.NegotiatedMedia;
import org.sohosip.sip.SipCallState;
import org.sohosip.sip.SipException;

/**
 * What happens inside a connected call's dialog: re-INVITEs both ways (hold, resume, the other side's hold) and
 * DTMF over INFO both ways. Runs on the agent's worker thread, like the call it belongs to.
 */
final class SessionUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(SessionUpdates.class);

    private final CallImpl call;

    SessionUpdates(CallImpl call) {
        this.call = call;
    }

    void reInvite(Request req, ServerTransaction st) {
        if (call.pendingReinvite != null || call.state != SipCallState.CONNECTED || call.offerInOk != null) {
            // RFC 3261 section 14.2: our own offer is outstanding (glare) or the call is not up yet
            call.ua.respond(st, req, Response.REQUEST_PENDING);
            return;
        }
        OfferAnswer oa = call.sdp;
        LocalMedia lm = call.local;
        if (oa == null || lm == null) {
            call.ua.respond(st, req, Response.SERVER_INTERNAL_ERROR);
            return;
        }
        MediaDirection wanted = call.localHold ? MediaDirection.SENDONLY : MediaDirection.SENDRECV;
        try {
            Response ok = call.ua.msg.response(Response.OK, req);
            ok.addHeader(call.ua.msg.contact(CallImpl.transport(req)));
            OfferAnswer.Answer a = null;
            if (SipMessages.hasBody(req, "application", "sdp")) {
                SessionDescription offer;
                try {
                    offer = SessionDescription.parse(SipMessages.body(req));
                } catch (RuntimeException e) {
                    call.ua.respond(st, req, Response.BAD_REQUEST);
                    return;
                }
                a = oa.answer(offer, lm, wanted).orElse(null);
                if (a == null) {
                    call.ua.respond(st, req, Response.NOT_ACCEPTABLE_HERE);
                    return;
                }
                call.ua.msg.body(ok, "application", "sdp", a.sdp());
            } else {
                call.ua.msg.body(ok, "application", "sdp", oa.offer(lm, wanted));
                call.offerInOk = wanted;
            }
            st.sendResponse(ok);
            if (a != null) {
                call.remoteHold = a.remoteHold();
                call.setMedia(a.media());
            }
        } catch (Exception e) {
            LOG.warn("could not answer re-INVITE: {}", e.toString());
            call.ua.respond(st, req, Response.SERVER_INTERNAL_ERROR);
        }
    }

    /** Sends a re-INVITE offering a direction; completes with the media agreed. */
    CompletableFuture<NegotiatedMedia> sendReinvite(boolean hold) {
        return sendReinvite(hold, false);
    }

    private CompletableFuture<NegotiatedMedia> sendReinvite(boolean hold, boolean isRetry) {
        CompletableFuture<NegotiatedMedia> result = new CompletableFuture<>();
        Dialog d = call.dialog;
        OfferAnswer oa = call.sdp;
        LocalMedia lm = call.local;
        if (call.state != SipCallState.CONNECTED || d == null || oa == null || lm == null) {
            result.completeExceptionally(new SipException("The call is not connected"));
            return result;
        }
        if (call.pendingReinvite != null || call.offerInOk != null) {
            result.completeExceptionally(new SipException("Another change of this call is in progress"));
            return result;
        }
        MediaDirection offered = hold ? (call.remoteHold ? MediaDirection.INACTIVE : MediaDirection.SENDONLY)
                : MediaDirection.SENDRECV;
        call.pendingReinvite = result;
        try {
            Request req = d.createRequest(Request.INVITE);
            req.addHeader(call.ua.msg.contact(CallImpl.transport(req)));
            call.ua.msg.body(req, "application", "sdp", oa.offer(lm, offered));
            call.ua.sender.send(req, d, r -> {
            }).future.thenAccept(o -> reinviteDone(o, d, hold, offered, result, isRetry));
        } catch (Exception e) {
            call.pendingReinvite = null;
            result.completeExceptionally(new SipException("Could not send the re-INVITE: " + e.getMessage(), e));
        }
        return result;
    }

    private void reinviteDone(RequestSender.Outcome o, Dialog d, boolean hold, MediaDirection offered,
            CompletableFuture<NegotiatedMedia> result, boolean wasRetry) {
        if (call.pendingReinvite == result) {
            call.pendingReinvite = null;
        }
        Response r = o.response();
        if (o.success() && r != null) {
            try {
                d.sendAck(d.createAck(((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getSeqNumber()));
            } catch (Exception e) {
                LOG.warn("could not acknowledge the re-INVITE answer: {}", e.toString());
            }
            Optional<NegotiatedMedia> m = call.readAnswer(r, offered);
            if (m.isEmpty()) {
                result.completeExceptionally(new SipException("The other side's answer has no usable audio"));
                return;
            }
            call.localHold = hold;
            call.setMedia(m.get());
            result.complete(m.get());
        } else if (o.status() == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST || o.status() == 0
                || o.status() == Response.REQUEST_TIMEOUT) {
            // RFC 3261 section 14.1: the call.dialog is gone or the other side is unreachable
            call.sendBye();
            call.end(new EndReason(o.status() == 0 ? Response.REQUEST_TIMEOUT : o.status(), o.reason(), true));
            result.completeExceptionally(new SipException("The call ended: " + o.reason()));
        } else if (o.status() == Response.REQUEST_PENDING && !wasRetry && call.state == SipCallState.CONNECTED) {
            // RFC 3261 section 14.1: both sides changed the session at once; try again after a random pause,
            // longer for the side that chose the Call-ID so that the two tries do not meet again
            long pause = call.outgoing ? 2100 + call.RANDOM.nextInt(1900) : call.RANDOM.nextInt(2000);
            call.ua.worker.schedule(() -> call.ua.safely(() -> sendReinvite(hold, true).whenComplete((m, e) -> {
                if (e != null) {
                    result.completeExceptionally(e);
                } else {
                    result.complete(m);
                }
            })), pause, TimeUnit.MILLISECONDS);
        } else {
            result.completeExceptionally(new SipException("The other side refused: " + o.status() + " " + o.reason()));
        }
    }

    void info(Request req, @Nullable ServerTransaction st) {
        if (!SipMessages.hasBody(req, "application", "dtmf-relay") && !SipMessages.hasBody(req, "application", "dtmf")) {
            call.ua.respond(st, req, req.getRawContent() == null || req.getRawContent().length == 0 ? Response.OK
                    : Response.UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        Optional<DtmfInfo> dtmf = DtmfInfo.parse(SipMessages.body(req));
        if (dtmf.isEmpty()) {
            call.ua.respond(st, req, Response.BAD_REQUEST);
            return;
        }
        call.ua.respond(st, req, Response.OK);
        DtmfInfo d = dtmf.get();
        for (org.sohosip.sip.DtmfListener l : call.tel.dtmfListeners) {
            call.ua.tell(() -> l.dtmfReceived(call, d.digit(), d.durationMillis()));
        }
    }

    CompletableFuture<Void> sendInfo(char digit, int durationMillis) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        Dialog d = call.dialog;
        if (call.state != SipCallState.CONNECTED || d == null) {
            result.completeExceptionally(new SipException("The call is not connected"));
            return result;
        }
        try {
            Request req = d.createRequest(Request.INFO);
            call.ua.msg.body(req, "application", "dtmf-relay", DtmfInfo.body(digit, durationMillis));
            call.ua.sender.send(req, d, r -> {
            }).future.thenAccept(o -> {
                if (o.success()) {
                    result.complete(null);
                } else {
                    result.completeExceptionally(new SipException("DTMF INFO refused: " + o.status() + " " + o.reason()));
                }
            });
        } catch (Exception e) {
            result.completeExceptionally(new SipException("Could not send DTMF: " + e.getMessage(), e));
        }
        return result;
    }
}
