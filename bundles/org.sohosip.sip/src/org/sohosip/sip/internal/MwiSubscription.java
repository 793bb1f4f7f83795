// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.sip.SipSubscription;
import org.sohosip.sip.SubscriptionOptions;
import org.sohosip.sip.SubscriptionState;

/**
 * One {@code message-summary} subscription. Refreshes run inside the dialog the first 2xx made; when there is no
 * usable dialog (never made, or the notifier ended it) a fresh SUBSCRIBE starts a new one. Fields are touched on
 * the agent's worker thread only.
 */
final class MwiSubscription implements SipSubscription {

    static final String EVENT = "message-summary";
    private static final Logger LOG = LoggerFactory.getLogger(MwiSubscription.class);

    private final UserAgentImpl ua;
    private final SubscriptionOptions options;
    private volatile SubscriptionState state = SubscriptionState.SUBSCRIBING;
    private volatile int statusCode;
    private @Nullable Dialog dialog;
    private @Nullable CallIdHeader callId;
    private String fromTag = newTag();
    private long cseq = 1;
    private long askFor;
    private Duration pause;
    private @Nullable ScheduledFuture<?> timer;
    private boolean stopped;
    private int generation;

    MwiSubscription(UserAgentImpl ua, SubscriptionOptions options) {
        this.ua = ua;
        this.options = options;
        this.askFor = options.expires().getSeconds();
        this.pause = options.retryInitial();
    }

    @Override
    public SubscriptionState state() {
        return state;
    }

    @Override
    public int statusCode() {
        return statusCode;
    }

    @Override
    public void close() {
        ua.onWorker(this::unsubscribe);
    }

    /** @return whether a NOTIFY with this Call-ID belongs to this subscription */
    boolean owns(String notifyCallId) {
        CallIdHeader id = callId;
        return id != null && id.getCallId().equals(notifyCallId);
    }

    void start() {
        send();
    }

    /** Unsubscribes (Expires: 0) when the subscription is alive. */
    void unsubscribe() {
        if (stopped) {
            return;
        }
        stopped = true;
        cancelTimer();
        if (state == SubscriptionState.ACTIVE) {
            try {
                ua.sender.send(request(0), usableDialog(), r -> {
                });
            } catch (Exception e) {
                LOG.debug("could not unsubscribe: {}", e.toString());
            }
        }
        state = SubscriptionState.TERMINATED;
    }

    /** A NOTIFY of this subscription said {@code terminated}: subscribe again unless the notifier refused for good. */
    void notifierEnded(SubscriptionStateHeader h) {
        if (stopped) {
            return;
        }
        String reason = h.getReasonCode() == null ? "" : h.getReasonCode().toLowerCase(Locale.ROOT);
        dialog = null;
        callId = null;
        if (reason.equals("rejected") || reason.equals("noresource")) {
            cancelTimer();
            state = SubscriptionState.FAILED;
            LOG.info("the voicemail server ended the message-waiting subscription for good ({})", reason);
        } else {
            // RFC 6665 4.1.3: deactivated and timeout mean subscribe again at once; others after a pause
            state = SubscriptionState.RETRYING;
            schedule(reason.equals("deactivated") || reason.equals("timeout") ? Duration.ZERO : retryPause());
        }
    }

    private void send() {
        cancelTimer();
        int gen = ++generation;
        Request req;
        Dialog d = usableDialog();
        try {
            if (d == null) {
                // a fresh subscription is a new dialog: new Call-ID and tag
                callId = null;
                fromTag = newTag();
            }
            req = request(askFor);
        } catch (Exception e) {
            state = SubscriptionState.FAILED;
            LOG.warn("cannot build SUBSCRIBE: {}", e.toString());
            return;
        }
        ua.sender.send(req, d, r -> {
        }).future.thenAccept(o -> {
            if (gen == generation && !stopped) {
                answered(o);
            }
        });
    }

    private void answered(RequestSender.Outcome o) {
        Response r = o.response();
        statusCode = o.status();
        if (r != null) {
            cseq = Math.max(cseq, ((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getSeqNumber() + 1);
        }
        if (o.success() && r != null) {
            if (o.dialog() != null) {
                dialog = o.dialog();
            }
            ExpiresHeader e = (ExpiresHeader) r.getHeader(ExpiresHeader.NAME);
            long granted = e != null ? e.getExpires() : askFor;
            pause = options.retryInitial();
            state = SubscriptionState.ACTIVE;
            long refresh = granted <= 2 ? 1 : Math.max(granted / 2, granted - 30);
            schedule(Duration.ofSeconds(refresh));
        } else if (o.status() == Response.INTERVAL_TOO_BRIEF && r != null
                && r.getHeader(MinExpiresHeader.NAME) instanceof MinExpiresHeader min && min.getExpires() > askFor) {
            askFor = min.getExpires();
            send();
        } else if (o.status() == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST) {
            // the notifier forgot the dialog (restart): start a new one
            dialog = null;
            state = SubscriptionState.RETRYING;
            schedule(Duration.ZERO);
        } else if (o.status() == 0 || o.status() / 100 == 5 || o.status() == Response.REQUEST_TIMEOUT) {
            dialog = null;
            state = SubscriptionState.RETRYING;
            LOG.info("message-waiting subscription of {} failed ({} {}); next try in {}", ua.identity().aor(),
                    o.status(), o.reason(), pause);
            schedule(retryPause());
        } else {
            state = SubscriptionState.FAILED;
            LOG.info("message-waiting subscription of {} refused: {} {}", ua.identity().aor(), o.status(),
                    o.reason());
        }
    }

    private Duration retryPause() {
        Duration now = pause;
        Duration doubled = pause.multipliedBy(2);
        pause = doubled.compareTo(options.retryMax()) > 0 ? options.retryMax() : doubled;
        return now;
    }

    private @Nullable Dialog usableDialog() {
        Dialog d = dialog;
        return d != null && d.getState() == DialogState.CONFIRMED ? d : null;
    }

    private Request request(long expires) throws Exception {
        SipMessages m = ua.msg;
        Dialog d = usableDialog();
        Request req;
        if (d != null) {
            req = d.createRequest(Request.SUBSCRIBE);
            req.addHeader(m.headers.createHeader("User-Agent", ua.config().userAgentName()));
        } else {
            Address aor = m.ourAddress();
            SipURI target = (SipURI) aor.getURI().clone();
            CallIdHeader id = callId;
            if (id == null) {
                id = m.headers.createCallIdHeader(java.util.UUID.randomUUID().toString());
                callId = id;
            }
            req = m.request(Request.SUBSCRIBE, target, aor, fromTag, aor, id, cseq++);
        }
        req.addHeader(m.contact(m.transportFor(req.getRequestURI())));
        req.setHeader(m.headers.createEventHeader(EVENT));
        req.setHeader(m.headers.createAcceptHeader("application", "simple-message-summary"));
        req.setHeader(m.headers.createExpiresHeader((int) expires));
        return req;
    }

    private void schedule(Duration d) {
        cancelTimer();
        timer = ua.worker.schedule(() -> ua.safely(() -> {
            if (!stopped) {
                send();
            }
        }), d.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelTimer() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
            timer = null;
        }
    }

    private static String newTag() {
        return Long.toHexString(System.nanoTime() ^ Double.doubleToLongBits(Math.random()));
    }
}
