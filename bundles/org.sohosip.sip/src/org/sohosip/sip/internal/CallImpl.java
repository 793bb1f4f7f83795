// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.sip.EndReason;
import org.sohosip.sip.LocalMedia;
import org.sohosip.sip.MediaDirection;
import org.sohosip.sip.NegotiatedMedia;
import org.sohosip.sip.SipCall;
import org.sohosip.sip.SipCallState;
import org.sohosip.sip.SipException;
import org.sohosip.sip.SipParty;

/**
 * One INVITE dialog. Public actions hop to the agent's worker thread; every other method runs there already, so
 * the mutable fields need no locks (the ones read from other threads are volatile).
 */
final class CallImpl implements SipCall {

    private static final Logger LOG = LoggerFactory.getLogger(CallImpl.class);
    static final SecureRandom RANDOM = new SecureRandom();

    final TelephonyImpl tel;
    final UserAgentImpl ua;
    final long seq;
    private final String id;
    private final String callId;
    final boolean outgoing;
    private final SipParty remote;
    volatile SipCallState state;
    private volatile @Nullable NegotiatedMedia media;
    private volatile @Nullable EndReason endReason;
    volatile boolean localHold;
    volatile boolean remoteHold;

    @Nullable
    OfferAnswer sdp;
    @Nullable
    LocalMedia local;
    @Nullable
    Dialog dialog;
    private RequestSender.@Nullable Pending invite;
    private @Nullable Request inviteRequest;
    private @Nullable ServerTransaction inviteSt;
    private final String localTag = HexFormat.of().formatHex(randomBytes(6));
    private @Nullable SessionDescription remoteOffer;
    private boolean answered;
    private boolean byeAfterAck;
    /** We put an offer into a 200 and expect the answer in the ACK; holds the direction we offered. */
    @Nullable
    MediaDirection offerInOk;
    private @Nullable ScheduledFuture<?> ringTimer;
    @Nullable
    CompletableFuture<NegotiatedMedia> pendingReinvite;
    /** A transfer the other side asked for (incoming REFER) that is still being reported on. */
    @Nullable
    ReferSubscription referral;
    /** For a call placed to follow a transfer: where its progress is reported. */
    @Nullable
    ReferSubscription reportTo;

    final SessionUpdates session = new SessionUpdates(this);

    CallImpl(TelephonyImpl tel, String id, String callId, boolean outgoing, SipParty remote) {
        this.tel = tel;
        this.ua = tel.ua;
        this.seq = tel.nextSeq();
        this.id = id;
        this.callId = callId;
        this.outgoing = outgoing;
        this.remote = remote;
        this.state = outgoing ? SipCallState.CALLING : SipCallState.INCOMING;
    }

    // ---- API ----

    @Override
    public String id() {
        return id;
    }

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public boolean outgoing() {
        return outgoing;
    }

    @Override
    public SipParty remoteParty() {
        return remote;
    }

    @Override
    public SipCallState state() {
        return state;
    }

    @Override
    public Optional<NegotiatedMedia> media() {
        return Optional.ofNullable(media);
    }

    @Override
    public Optional<EndReason> endReason() {
        return Optional.ofNullable(endReason);
    }

    @Override
    public List<String> inviteHeaders(String name) {
        Request req = inviteRequest;
        if (outgoing || req == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        ListIterator<?> it = req.getHeaders(name);
        while (it != null && it.hasNext()) {
            String encoded = ((Header) it.next()).toString().strip();
            int colon = encoded.indexOf(':');
            values.add(colon < 0 ? encoded : encoded.substring(colon + 1).strip());
        }
        return values;
    }

    @Override
    public CompletionStage<Void> transfer(String target) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        ua.onWorker(() -> {
            Dialog d = dialog;
            if (state != SipCallState.CONNECTED || d == null) {
                result.completeExceptionally(new SipException("The call is not connected"));
                return;
            }
            try {
                String uri = target.startsWith("sip:") ? target : "sip:" + target + "@" + ua.identity().domain();
                Request refer = d.createRequest(Request.REFER);
                refer.addHeader(ua.msg.headers.createReferToHeader(ua.msg.addresses.createAddress(uri)));
                ua.sender.send(refer, d, r -> {
                }).future.thenAccept(o -> {
                    if (o.success()) {
                        result.complete(null);
                        ua.onWorker(this::hangUp);
                    } else {
                        result.completeExceptionally(new SipException("Transfer refused: " + o.status() + " "
                                + o.reason()));
                    }
                });
            } catch (Exception e) {
                result.completeExceptionally(new SipException("Could not transfer: " + e.getMessage(), e));
            }
        });
        return result;
    }

    @Override
    public String requestUser() {
        Request req = inviteRequest;
        if (outgoing || req == null || !(req.getRequestURI() instanceof SipURI uri) || uri.getUser() == null) {
            return "";
        }
        return uri.getUser();
    }

    @Override
    public void answer(LocalMedia localMedia) {
        requireIncoming();
        ua.onWorker(() -> doAnswer(localMedia));
    }

    @Override
    public void rejectBusy() {
        requireIncoming();
        ua.onWorker(() -> refuse(Response.BUSY_HERE, "Busy Here"));
    }

    @Override
    public void decline() {
        requireIncoming();
        ua.onWorker(() -> refuse(Response.DECLINE, "Decline"));
    }

    @Override
    public void hangUp() {
        ua.onWorker(this::doHangUp);
    }

    @Override
    public String toString() {
        return "SipCall[" + id + ", " + (outgoing ? "to " : "from ") + remote.uri() + ", " + state + "]";
    }

    private void requireIncoming() {
        if (outgoing || state != SipCallState.INCOMING) {
            throw new SipException("The call is not ringing here (it is " + state + ")");
        }
    }

    // ---- outgoing ----

    void dial(LocalMedia localMedia, URI target) {
        local = localMedia;
        OfferAnswer oa = new OfferAnswer(ua.identity().user(), Math.abs(RANDOM.nextInt()));
        sdp = oa;
        try {
            SipMessages m = ua.msg;
            Request req = m.request(Request.INVITE, target, m.ourAddress(), localTag,
                    m.addresses.createAddress(target), m.headers.createCallIdHeader(callId), 1);
            req.addHeader(m.contact(m.transportFor(target)));
            m.body(req, "application", "sdp", oa.offer(localMedia, MediaDirection.SENDRECV));
            RequestSender.Pending p = ua.sender.send(req, null, this::provisional);
            invite = p;
            p.future.thenAccept(this::inviteDone);
        } catch (Exception e) {
            LOG.warn("could not place call to {}: {}", remote.uri(), e.toString());
            end(new EndReason(0, "Could not place the call: " + e.getMessage(), false));
        }
    }

    private void provisional(Response r) {
        if (state == SipCallState.ENDED) {
            return;
        }
        int s = r.getStatusCode();
        if ((s == Response.RINGING || s == Response.SESSION_PROGRESS) && state == SipCallState.CALLING) {
            setState(SipCallState.RINGING);
        }
        if (SipMessages.hasBody(r, "application", "sdp")) {
            readAnswer(r, MediaDirection.SENDRECV).ifPresent(this::setMedia);
        }
    }

    private void inviteDone(RequestSender.Outcome o) {
        Dialog d = o.dialog();
        Response r = o.response();
        if (o.success() && d != null && r != null) {
            dialog = d;
            try {
                d.sendAck(d.createAck(((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getSeqNumber()));
            } catch (Exception e) {
                LOG.warn("could not acknowledge the answer: {}", e.toString());
            }
            if (state == SipCallState.ENDED) {
                sendBye(); // hung up while the answer was on its way
                return;
            }
            Optional<NegotiatedMedia> m = SipMessages.hasBody(r, "application", "sdp")
                    ? readAnswer(r, MediaDirection.SENDRECV) : Optional.ofNullable(media);
            if (m.isEmpty()) {
                sendBye();
                end(new EndReason(Response.NOT_ACCEPTABLE_HERE, "No common audio codec", false));
                return;
            }
            // media first: a listener told of CONNECTED reads it at once
            media = m.get();
            setState(SipCallState.CONNECTED);
            setMedia(m.get());
        } else if (o.status() == 0) {
            end(new EndReason(Response.REQUEST_TIMEOUT, o.reason(), true));
        } else {
            end(new EndReason(o.status(), o.reason(), true));
        }
    }

    Optional<NegotiatedMedia> readAnswer(Response r, MediaDirection offered) {
        try {
            return OfferAnswer.read(SessionDescription.parse(SipMessages.body(r)), offered);
        } catch (RuntimeException e) {
            LOG.info("unusable SDP answer from {}: {}", remote.uri(), e.toString());
            return Optional.empty();
        }
    }

    // ---- incoming ----

    void incoming(Request req, ServerTransaction st) {
        inviteRequest = req;
        inviteSt = st;
        if (SipMessages.hasBody(req, "application", "sdp")) {
            try {
                SessionDescription offer = SessionDescription.parse(SipMessages.body(req));
                Optional<NegotiatedMedia> preview = OfferAnswer.read(offer, MediaDirection.SENDRECV);
                if (preview.isEmpty()) {
                    refuseSilently(Response.NOT_ACCEPTABLE_HERE);
                    return;
                }
                remoteOffer = offer;
                media = preview.get();
            } catch (RuntimeException e) {
                refuseSilently(Response.BAD_REQUEST);
                return;
            }
        }
        try {
            Response ringing = withTag(ua.msg.response(Response.RINGING, req));
            ringing.addHeader(ua.msg.contact(transport(req)));
            st.sendResponse(ringing);
            dialog = st.getDialog();
        } catch (Exception e) {
            LOG.warn("could not send 180: {}", e.toString());
        }
        ringTimer = ua.worker.schedule(() -> ua.safely(() -> {
            if (state == SipCallState.INCOMING && !answered) {
                refuse(Response.TEMPORARILY_UNAVAILABLE, "No answer");
            }
        }), ua.config().ringTimeout().toMillis(), TimeUnit.MILLISECONDS);
        tel.tell(l -> l.incomingCall(this));
    }

    private void doAnswer(LocalMedia localMedia) {
        Request req = inviteRequest;
        ServerTransaction st = inviteSt;
        if (state != SipCallState.INCOMING || answered || req == null || st == null) {
            return;
        }
        local = localMedia;
        OfferAnswer oa = new OfferAnswer(ua.identity().user(), Math.abs(RANDOM.nextInt()));
        sdp = oa;
        try {
            Response ok = withTag(ua.msg.response(Response.OK, req));
            ok.addHeader(ua.msg.contact(transport(req)));
            SessionDescription offer = remoteOffer;
            if (offer != null) {
                OfferAnswer.Answer a = oa.answer(offer, localMedia, MediaDirection.SENDRECV).orElseThrow();
                ua.msg.body(ok, "application", "sdp", a.sdp());
                media = a.media();
                remoteHold = a.remoteHold();
            } else {
                ua.msg.body(ok, "application", "sdp", oa.offer(localMedia, MediaDirection.SENDRECV));
                offerInOk = MediaDirection.SENDRECV;
            }
            st.sendResponse(ok);
            answered = true;
            cancelRingTimer();
        } catch (Exception e) {
            LOG.warn("could not answer the call from {}: {}", remote.uri(), e.toString());
            refuse(Response.SERVER_INTERNAL_ERROR, "Could not answer: " + e.getMessage());
        }
    }

    private void refuse(int status, String reason) {
        ServerTransaction st = inviteSt;
        Request req = inviteRequest;
        if (state != SipCallState.INCOMING || answered || st == null || req == null) {
            return;
        }
        // ended before the answer leaves, so that whoever hears the caller's side sees this side ended too
        end(new EndReason(status, reason, false));
        try {
            st.sendResponse(withTag(ua.msg.response(status, req)));
        } catch (Exception e) {
            LOG.debug("could not refuse: {}", e.toString());
        }
    }

    /** Refuses before anybody was told of the call. */
    private void refuseSilently(int status) {
        state = SipCallState.ENDED;
        endReason = new EndReason(status, "Refused", false);
        tel.ended(this);
        ServerTransaction st = inviteSt;
        Request req = inviteRequest;
        if (st != null && req != null) {
            try {
                st.sendResponse(withTag(ua.msg.response(status, req)));
            } catch (Exception e) {
                LOG.debug("could not refuse: {}", e.toString());
            }
        }
    }

    void ack(Request ack) {
        MediaDirection offered = offerInOk;
        if (offered != null) {
            offerInOk = null;
            try {
                Optional<NegotiatedMedia> m = OfferAnswer.read(SessionDescription.parse(SipMessages.body(ack)),
                        localHold ? MediaDirection.SENDONLY : MediaDirection.SENDRECV);
                if (m.isEmpty()) {
                    throw new IllegalArgumentException("no common codec");
                }
                media = m.get();
            } catch (RuntimeException e) {
                LOG.info("ACK from {} has no usable SDP answer: {}", remote.uri(), e.toString());
                sendBye();
                end(new EndReason(Response.NOT_ACCEPTABLE_HERE, "No usable SDP answer", false));
                return;
            }
            if (state == SipCallState.CONNECTED) {
                setMedia(java.util.Objects.requireNonNull(media));
            }
        }
        if (!outgoing && answered && state == SipCallState.INCOMING) {
            setState(SipCallState.CONNECTED);
            NegotiatedMedia m = media;
            if (m != null) {
                setMedia(m);
            }
        }
        if (byeAfterAck) {
            byeAfterAck = false;
            sendBye();
            tel.ended(this);
        }
    }

    void cancelled(Request cancel, @Nullable ServerTransaction st) {
        ua.respond(st, cancel, Response.OK);
        ServerTransaction inv = inviteSt;
        Request req = inviteRequest;
        if (state == SipCallState.INCOMING && !answered && inv != null && req != null) {
            end(new EndReason(Response.REQUEST_TERMINATED, "Cancelled by the caller", true));
            try {
                inv.sendResponse(withTag(ua.msg.response(Response.REQUEST_TERMINATED, req)));
            } catch (Exception e) {
                LOG.debug("could not send 487: {}", e.toString());
            }
        }
    }

    // ---- both ----

    void bye(Request bye, @Nullable ServerTransaction st) {
        end(new EndReason(Response.OK, "Hung up by the other side", true));
        ua.respond(st, bye, Response.OK);
    }

    private void doHangUp() {
        switch (state) {
            case ENDED -> {
                return;
            }
            case CALLING, RINGING -> {
                RequestSender.Pending p = invite;
                if (p != null) {
                    ua.sender.cancel(p);
                }
                end(new EndReason(Response.REQUEST_TERMINATED, "Cancelled", false));
            }
            case INCOMING -> {
                if (answered) {
                    byeAfterAck = true;
                    endKeepingDialog(new EndReason(Response.OK, "Hung up", false));
                } else {
                    refuse(Response.TEMPORARILY_UNAVAILABLE, "Not answered");
                }
            }
            case CONNECTED -> {
                sendBye();
                end(new EndReason(Response.OK, "Hung up", false));
            }
        }
    }

    CompletableFuture<?> endForShutdown() {
        CompletableFuture<?> f = state == SipCallState.CONNECTED ? sendBye() : CompletableFuture.completedFuture(null);
        if (state == SipCallState.CONNECTED) {
            end(new EndReason(Response.OK, "Hung up", false));
        } else {
            doHangUp();
        }
        return f;
    }

    void dialogTimedOut() {
        if (state == SipCallState.ENDED && !byeAfterAck) {
            return;
        }
        byeAfterAck = false;
        sendBye();
        end(new EndReason(Response.REQUEST_TIMEOUT, "The other side stopped answering", true));
        tel.ended(this);
    }

    CompletableFuture<?> sendBye() {
        Dialog d = dialog;
        if (d == null) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            Request bye = d.createRequest(Request.BYE);
            return ua.sender.send(bye, d, r -> {
            }).future;
        } catch (Exception e) {
            // the other side stays in the call: say so where people look
            LOG.warn("could not send BYE to {}: {}", remote.uri(), e.toString());
            return CompletableFuture.completedFuture(null);
        }
    }

    void end(EndReason reason) {
        if (endKeepingDialog(reason)) {
            tel.ended(this);
        }
    }

    private boolean endKeepingDialog(EndReason reason) {
        if (state == SipCallState.ENDED) {
            return false;
        }
        cancelRingTimer();
        endReason = reason;
        CompletableFuture<NegotiatedMedia> p = pendingReinvite;
        if (p != null) {
            pendingReinvite = null;
            p.completeExceptionally(new SipException("The call ended"));
        }
        setState(SipCallState.ENDED);
        return true;
    }

    void setState(SipCallState s) {
        state = s;
        tel.tell(l -> l.stateChanged(this, s));
        ReferSubscription r = reportTo;
        if (r != null) {
            r.progress(this, s);
        }
    }

    void setMedia(NegotiatedMedia m) {
        media = m;
        tel.tell(l -> l.mediaChanged(this, m));
    }

    private Response withTag(Response r) throws java.text.ParseException {
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        if (to.getTag() == null) {
            to.setTag(localTag);
        }
        return r;
    }

    static String transport(Request req) {
        javax.sip.header.ViaHeader via = (javax.sip.header.ViaHeader) req.getHeader(javax.sip.header.ViaHeader.NAME);
        return via == null ? "udp" : via.getTransport();
    }

    private void cancelRingTimer() {
        ScheduledFuture<?> t = ringTimer;
        if (t != null) {
            t.cancel(false);
            ringTimer = null;
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
