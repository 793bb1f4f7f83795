// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.internal;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.sip.EndReason;
import org.sohosip.sip.SipCall;
import org.sohosip.sip.SipCallState;
import org.sohosip.sip.TransferRequest;

/**
 * One accepted REFER and its implicit {@code refer} subscription (RFC 3515), served inside the transferred call's
 * dialog. Every step (a NOTIFY, the BYE of the transferred call) waits for the answer to the one before, so the other
 * side sees them in order and a NOTIFY resent after a digest challenge never overtakes a later one. The dialog is
 * kept past a BYE until the last NOTIFY is out (RFC 5057: the subscription is a dialog usage of its own). Fields are
 * touched on the agent's worker thread only.
 */
final class ReferSubscription implements TransferRequest {

    private static final Logger LOG = LoggerFactory.getLogger(ReferSubscription.class);
    /** Seconds the subscription is offered for; the final NOTIFY comes long before. */
    private static final int EXPIRES = 60;

    private final CallImpl call;
    private final String target;
    private final Optional<String> referredBy;
    private final Request refer;
    private final String transport;
    private @Nullable Dialog dialog;
    private @Nullable CallImpl followed;
    private boolean finished;
    private boolean hungUp;
    /** The subscriber answered a NOTIFY with an error or not at all: it wants no more (RFC 6665 section 4.2.2). */
    private boolean subscriberGone;
    private CompletableFuture<?> steps = CompletableFuture.completedFuture(null);
    private @Nullable ScheduledFuture<?> guard;

    ReferSubscription(CallImpl call, String target, Optional<String> referredBy, Request refer) {
        this.call = call;
        this.target = target;
        this.referredBy = referredBy;
        this.refer = refer;
        this.transport = CallImpl.transport(refer);
    }

    @Override
    public SipCall call() {
        return call;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public Optional<String> referredBy() {
        return referredBy;
    }

    @Override
    public void follow(SipCall newCall) {
        CallImpl c = call.tel.hold.own(newCall);
        call.ua.onWorker(() -> {
            if (finished || followed != null) {
                return;
            }
            cancelGuard();
            followed = c;
            c.reportTo = this;
            progress(c, c.state); // it may have moved on before it was handed over
        });
    }

    @Override
    public void refuse(int status, String reason) {
        call.ua.onWorker(() -> {
            if (followed == null && !finished) {
                finish(status >= 400 && status < 700 ? status : Response.SERVER_INTERNAL_ERROR, reason, false);
            }
        });
    }

    /** Answers 202 and sends the first NOTIFY. @return whether the REFER was accepted */
    boolean accept(ServerTransaction st) {
        Dialog d = call.dialog;
        try {
            if (d == null) {
                throw new IllegalStateException("no dialog");
            }
            // the subscription outlives a BYE of the call until its last NOTIFY
            d.terminateOnBye(false);
            dialog = d;
            st.sendResponse(call.ua.msg.response(Response.ACCEPTED, refer));
        } catch (Exception e) {
            LOG.warn("could not accept the transfer of {}: {}", call.id(), e.toString());
            call.ua.respond(st, refer, Response.SERVER_INTERNAL_ERROR);
            release();
            return false;
        }
        call.referral = this;
        then(() -> notify(Response.TRYING, "Trying", false));
        // a listener that never places the call must not leave the other side waiting for ever
        guard = call.ua.worker.schedule(() -> call.ua.safely(() -> refuse(Response.DECLINE, "Decline")),
                call.ua.config().retransmitTimer().multipliedBy(64).toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    /** The followed call changed state; on the worker thread. */
    void progress(CallImpl c, SipCallState state) {
        if (finished || c != followed) {
            return;
        }
        switch (state) {
            case RINGING -> {
                then(() -> notify(Response.RINGING, "Ringing", false));
                hangUpTransferred();
            }
            case CONNECTED -> {
                finish(Response.OK, "OK", true);
            }
            case ENDED -> {
                EndReason r = c.endReason().orElse(new EndReason(0, "", false));
                int status = r.statusCode() >= 300 && r.statusCode() < 700 ? r.statusCode()
                        : r.statusCode() == 0 ? Response.REQUEST_TIMEOUT : Response.SERVER_INTERNAL_ERROR;
                finish(status, r.reasonPhrase(), true);
            }
            default -> {
                // CALLING: nothing to tell yet
            }
        }
    }

    private void finish(int status, String reason, boolean placed) {
        finished = true;
        cancelGuard();
        then(() -> notify(status, reason, true));
        if (placed) {
            hangUpTransferred();
        }
        then(() -> {
            release();
            return CompletableFuture.completedFuture(null);
        });
    }

    /** Ends the transferred call (BYE), once, unless the other side ended it already. */
    private void hangUpTransferred() {
        if (hungUp) {
            return;
        }
        hungUp = true;
        then(() -> {
            if (call.state != SipCallState.CONNECTED) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<?> bye = call.sendBye();
            call.end(new EndReason(Response.OK, "Transferred to " + target, false));
            return bye;
        });
    }

    /** Queues a step after the ones before it, whatever their outcome. */
    private void then(Supplier<CompletableFuture<?>> step) {
        // answers complete on the worker thread, so every step runs there
        steps = steps.handle((v, e) -> null).thenCompose(v -> {
            try {
                return step.get();
            } catch (RuntimeException e) {
                LOG.warn("transfer of {}: {}", call.id(), e.toString());
                return CompletableFuture.completedFuture(null);
            }
        });
    }

    private CompletableFuture<?> notify(int status, String reason, boolean last) {
        Dialog d = dialog;
        if (subscriberGone || d == null) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            var h = call.ua.msg.headers;
            Request n = d.createRequest(Request.NOTIFY);
            EventHeader event = h.createEventHeader("refer");
            event.setEventId(Long.toString(((CSeqHeader) refer.getHeader(CSeqHeader.NAME)).getSeqNumber()));
            n.addHeader(event);
            SubscriptionStateHeader state = h.createSubscriptionStateHeader(last ? SubscriptionStateHeader.TERMINATED
                    : SubscriptionStateHeader.ACTIVE);
            if (last) {
                state.setReasonCode("noresource");
            } else {
                state.setExpires(EXPIRES);
            }
            n.addHeader(state);
            n.setHeader(call.ua.msg.contact(transport));
            ContentTypeHeader type = h.createContentTypeHeader("message", "sipfrag");
            type.setParameter("version", "2.0");
            n.setContent("SIP/2.0 " + status + " " + reason.replaceAll("[\\r\\n]+", " ").strip() + "\r\n", type);
            return call.ua.sender.send(n, d, r -> {
            }).future.thenAccept(o -> {
                if (!o.success()) {
                    LOG.debug("NOTIFY of the transfer of {} answered {} {}", call.id(), o.status(), o.reason());
                    subscriberGone = true;
                }
            });
        } catch (Exception e) {
            LOG.info("could not tell the transfer's progress on {}: {}", call.id(), e.toString());
            return CompletableFuture.completedFuture(null);
        }
    }

    /** The subscription is over: the dialog ends with the call again, or now when the call already ended. */
    private void release() {
        if (call.referral == this) {
            call.referral = null;
        }
        CallImpl c = followed;
        if (c != null && c.reportTo == this) {
            c.reportTo = null;
        }
        Dialog d = dialog;
        if (d == null) {
            return;
        }
        try {
            if (call.state.isLive()) {
                d.terminateOnBye(true);
            } else {
                d.delete();
            }
        } catch (Exception e) {
            LOG.debug("releasing the dialog of {}: {}", call.id(), e.toString());
        }
    }

    private void cancelGuard() {
        ScheduledFuture<?> g = guard;
        if (g != null) {
            g.cancel(false);
            guard = null;
        }
    }
}
