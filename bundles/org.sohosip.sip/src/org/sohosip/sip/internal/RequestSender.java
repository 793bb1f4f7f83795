// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.SipProvider;
import javax.sip.TransactionState;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.sip.DigestCredentials;

/**
 * Sends requests as client transactions and turns their life into one future: answers 401/407 challenges with
 * the identity's credentials (again without asking when the nonce was only stale), reports provisional
 * responses, and guards every transaction with a timeout. Runs on the agent's worker thread only.
 */
final class RequestSender {

    private static final Logger LOG = LoggerFactory.getLogger(RequestSender.class);
    /** Headers a dialog's {@code createRequest} sets for each new request (or that the body sets). */
    private static final List<String> DIALOG_MADE = List.of(ViaHeader.NAME, "From", "To", "Call-ID", CSeqHeader.NAME,
            "Route", "Max-Forwards", ContentTypeHeader.NAME, "Content-Length");

    /**
     * The end of a request.
     *
     * @param status   the final status, or 0 when none came (timeout, transport failure)
     * @param reason   its reason phrase or a description of the local failure
     * @param response the final response, if one came
     * @param dialog   the dialog of a 2xx, if any
     */
    record Outcome(int status, String reason, @Nullable Response response, @Nullable Dialog dialog) {
        boolean success() {
            return status / 100 == 2;
        }
    }

    /** A request in flight, possibly resent with credentials. */
    final class Pending {
        Request request;
        final @Nullable Dialog dialog;
        final CompletableFuture<Outcome> future = new CompletableFuture<>();
        final Consumer<Response> provisional;
        @Nullable
        ClientTransaction tx;
        int answeredWww;
        int answeredProxy;
        int staleRounds;
        boolean provisionalSeen;
        boolean cancelWanted;
        @Nullable
        ScheduledFuture<?> guard;

        Pending(Request request, @Nullable Dialog dialog, Consumer<Response> provisional) {
            this.request = request;
            this.dialog = dialog;
            this.provisional = provisional;
        }
    }

    private final UserAgentImpl ua;
    private final SipProvider provider;
    private final SipMessages msg;
    private final ScheduledExecutorService worker;
    private final DigestAuthenticator digest = new DigestAuthenticator();

    RequestSender(UserAgentImpl ua, SipProvider provider, SipMessages msg, ScheduledExecutorService worker) {
        this.ua = ua;
        this.provider = provider;
        this.msg = msg;
        this.worker = worker;
    }

    /**
     * @param request     the request (Via, CSeq set)
     * @param dialog      the dialog it belongs to, or {@code null}
     * @param provisional told of 1xx responses
     * @return the request in flight; its future completes on the worker thread
     */
    Pending send(Request request, @Nullable Dialog dialog, Consumer<Response> provisional) {
        Pending p = new Pending(request, dialog, provisional);
        boolean invite = Request.INVITE.equals(request.getMethod());
        Duration guard = invite ? ua.config().transactionTimeout()
                : min(ua.config().transactionTimeout(), ua.config().retransmitTimer().multipliedBy(64).plusSeconds(2));
        p.guard = worker.schedule(() -> onGuard(p), guard.toMillis(), TimeUnit.MILLISECONDS);
        p.future.whenComplete((o, e) -> {
            ScheduledFuture<?> g = p.guard;
            if (g != null) {
                g.cancel(false);
            }
        });
        transmit(p);
        return p;
    }

    /** Sends CANCEL for a pending INVITE now, or as soon as a provisional response makes it allowed. */
    void cancel(Pending p) {
        p.cancelWanted = true;
        ClientTransaction tx = p.tx;
        if (p.future.isDone() || tx == null || !p.provisionalSeen) {
            return;
        }
        try {
            if (tx.getState() == TransactionState.PROCEEDING || tx.getState() == TransactionState.CALLING) {
                ClientTransaction c = provider.getNewClientTransaction(tx.createCancel());
                c.setRetransmitTimer((int) ua.config().retransmitTimer().toMillis());
                c.sendRequest();
            }
        } catch (Exception e) {
            LOG.warn("could not cancel {}: {}", p.request.getMethod(), e.toString());
        }
    }

    void onResponse(ResponseEvent ev) {
        ClientTransaction tx = ev.getClientTransaction();
        if (tx == null || !(tx.getApplicationData() instanceof Pending p)) {
            return;
        }
        Response r = ev.getResponse();
        if (p.future.isDone()) {
            lateAnswer(p, ev);
            return;
        }
        int status = r.getStatusCode();
        if (status < 200) {
            p.provisionalSeen = true;
            if (p.cancelWanted) {
                cancel(p);
            }
            ua.safely(() -> p.provisional.accept(r));
            return;
        }
        if ((status == 401 || status == 407) && retryWithCredentials(p, r)) {
            return;
        }
        p.future.complete(new Outcome(status, r.getReasonPhrase(), r, ev.getDialog()));
    }

    /**
     * A 2xx to an INVITE that was already given up (guard timeout, or ended here): the other side thinks the call
     * is up, so acknowledge it and hang up at once rather than leave it talking to nobody.
     */
    private void lateAnswer(Pending p, ResponseEvent ev) {
        Response r = ev.getResponse();
        Dialog d = ev.getDialog();
        Outcome first = p.future.getNow(null);
        if (r.getStatusCode() / 100 != 2 || !Request.INVITE.equals(p.request.getMethod()) || d == null
                || first != null && first.success()) {
            return;
        }
        try {
            d.sendAck(d.createAck(((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getSeqNumber()));
            ClientTransaction bye = provider.getNewClientTransaction(d.createRequest(Request.BYE));
            d.sendRequest(bye);
            LOG.info("answer after the call was given up: acknowledged and hung up");
        } catch (Exception e) {
            LOG.debug("could not end a late answer: {}", e.toString());
        }
    }

    /** The stack gave up on a transaction (timer B/F) or it ended without a final response. */
    void onTimeout(ClientTransaction tx, String why) {
        if (tx.getApplicationData() instanceof Pending p && p.tx == tx && !p.future.isDone()) {
            p.future.complete(new Outcome(0, why, null, null));
        }
    }

    private void onGuard(Pending p) {
        if (p.future.isDone()) {
            return;
        }
        if (Request.INVITE.equals(p.request.getMethod())) {
            cancel(p);
        } else if (p.tx != null) {
            try {
                p.tx.terminate();
            } catch (Exception e) {
                // already gone
            }
        }
        p.future.complete(new Outcome(0, "No answer in time", null, null));
    }

    private void transmit(Pending p) {
        try {
            ClientTransaction tx = provider.getNewClientTransaction(p.request);
            tx.setApplicationData(p);
            tx.setRetransmitTimer((int) ua.config().retransmitTimer().toMillis());
            p.tx = tx;
            if (p.dialog != null) {
                p.dialog.sendRequest(tx);
            } else {
                tx.sendRequest();
            }
        } catch (Exception e) {
            LOG.info("could not send {}: {}", p.request.getMethod(), e.toString());
            p.future.complete(new Outcome(0, "Could not send: " + e.getMessage(), null, null));
        }
    }

    private boolean retryWithCredentials(Pending p, Response r) {
        DigestCredentials creds = ua.identity().credentials();
        if (creds == null) {
            return false;
        }
        boolean proxy = r.getStatusCode() == 407;
        List<DigestChallenge> challenges = new ArrayList<>();
        ListIterator<?> it = r.getHeaders(proxy ? ProxyAuthenticateHeader.NAME : WWWAuthenticateHeader.NAME);
        while (it.hasNext()) {
            String h = it.next().toString();
            DigestChallenge.parse(h.substring(h.indexOf(':') + 1), proxy).ifPresent(challenges::add);
        }
        DigestChallenge c = DigestAuthenticator.choose(challenges, creds).orElse(null);
        if (c == null) {
            LOG.info("{} challenge with no usable Digest algorithm for realm {}", r.getStatusCode(), creds.realm());
            return false;
        }
        int answered = proxy ? p.answeredProxy : p.answeredWww;
        if (c.stale() && p.staleRounds < 3) {
            // the credentials were right, only the nonce aged: answer again without counting a failure
            p.staleRounds++;
        } else if (answered >= 1) {
            return false;
        }
        try {
            Request next = nextRequest(p);
            String uri = next.getRequestURI().toString();
            String value = digest.authorization(c, creds, next.getMethod(), uri);
            String name = proxy ? ProxyAuthorizationHeader.NAME : AuthorizationHeader.NAME;
            next.removeHeader(name);
            next.addHeader(msg.headers.createHeader(name, value));
            if (proxy) {
                p.answeredProxy++;
            } else {
                p.answeredWww++;
            }
            p.request = next;
            p.provisionalSeen = false;
            transmit(p);
            return true;
        } catch (Exception e) {
            LOG.warn("could not answer the challenge: {}", e.toString());
            return false;
        }
    }

    /** The same request again with a higher CSeq and a new branch (or from the dialog, which counts itself). */
    private Request nextRequest(Pending p) throws Exception {
        Request old = p.request;
        Dialog d = p.dialog;
        if (d != null) {
            Request next = d.createRequest(old.getMethod());
            // everything the request carried beyond what the dialog makes itself: Contact, Event,
            // Subscription-State, Refer-To, credentials already given for the other realm...
            ListIterator<?> names = old.getHeaderNames();
            while (names.hasNext()) {
                String name = (String) names.next();
                if (DIALOG_MADE.stream().noneMatch(name::equalsIgnoreCase)) {
                    next.removeHeader(name);
                    ListIterator<?> values = old.getHeaders(name);
                    while (values.hasNext()) {
                        next.addHeader((Header) ((Header) values.next()).clone());
                    }
                }
            }
            ContentTypeHeader ct = (ContentTypeHeader) old.getHeader(ContentTypeHeader.NAME);
            if (ct != null && old.getRawContent() != null) {
                next.setContent(old.getRawContent(), ct);
            }
            return next;
        }
        Request next = (Request) old.clone();
        CSeqHeader cseq = (CSeqHeader) next.getHeader(CSeqHeader.NAME);
        cseq.setSeqNumber(cseq.getSeqNumber() + 1);
        ViaHeader via = (ViaHeader) next.getHeader(ViaHeader.NAME);
        next.removeHeader(ViaHeader.NAME);
        next.addFirst(msg.via(via.getTransport()));
        return next;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
