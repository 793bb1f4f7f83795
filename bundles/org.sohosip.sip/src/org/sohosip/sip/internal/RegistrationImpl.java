// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.internal;

import java.time.Duration;
import java.util.ListIterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.sip.RegistrationListener;
import org.sohosip.sip.RegistrationOptions;
import org.sohosip.sip.RegistrationState;
import org.sohosip.sip.RegistrationStatus;
import org.sohosip.sip.SipRegistration;

/**
 * One address-of-record binding. Its fields are touched on the agent's worker thread only (the status is
 * volatile for readers on other threads).
 */
final class RegistrationImpl implements SipRegistration {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationImpl.class);

    private final UserAgentImpl ua;
    private final RegistrationOptions options;
    private final CopyOnWriteArrayList<RegistrationListener> listeners = new CopyOnWriteArrayList<>();
    private final String fromTag = Long.toHexString(System.nanoTime() ^ Double.doubleToLongBits(Math.random()));
    private volatile RegistrationStatus status = new RegistrationStatus(RegistrationState.UNREGISTERED, 0, "",
            Duration.ZERO);
    private @Nullable CallIdHeader callId;
    private long cseq = 1;
    private long askFor;
    private Duration pause;
    private @Nullable ScheduledFuture<?> timer;
    private boolean stopped;
    private int generation;

    RegistrationImpl(UserAgentImpl ua, RegistrationOptions options) {
        this.ua = ua;
        this.options = options;
        this.askFor = options.expires().getSeconds();
        this.pause = options.retryInitial();
    }

    @Override
    public RegistrationStatus status() {
        return status;
    }

    @Override
    public void addListener(RegistrationListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(RegistrationListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void refreshNow() {
        ua.onWorker(() -> {
            if (!stopped) {
                send();
            }
        });
    }

    @Override
    public void close() {
        ua.onWorker(this::unregister);
    }

    void start() {
        send();
    }

    /** Stops refreshing and removes the binding; completes when the registrar answered or gave up. */
    CompletableFuture<Void> unregister() {
        if (stopped) {
            return CompletableFuture.completedFuture(null);
        }
        stopped = true;
        cancelTimer();
        boolean bound = status.state() != RegistrationState.FAILED && status.state() != RegistrationState.UNREGISTERED;
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (bound) {
            try {
                ua.sender.send(request(0), null, r -> {
                }).future.whenComplete((o, e) -> done.complete(null));
            } catch (Exception e) {
                done.complete(null);
            }
        } else {
            done.complete(null);
        }
        update(new RegistrationStatus(RegistrationState.UNREGISTERED, 0, "", Duration.ZERO));
        return done;
    }

    private void send() {
        cancelTimer();
        int gen = ++generation;
        if (status.state() != RegistrationState.REGISTERED && status.state() != RegistrationState.REGISTERING) {
            update(new RegistrationStatus(RegistrationState.REGISTERING, status.statusCode(), status.reasonPhrase(),
                    Duration.ZERO));
        }
        Request req;
        try {
            req = request(askFor);
        } catch (Exception e) {
            update(new RegistrationStatus(RegistrationState.FAILED, 0, "Cannot build REGISTER: " + e.getMessage(),
                    Duration.ZERO));
            return;
        }
        ua.sender.send(req, null, r -> {
        }).future.thenAccept(o -> {
            if (gen == generation && !stopped) {
                answered(o);
            }
        });
    }

    private void answered(RequestSender.Outcome o) {
        Response r = o.response();
        if (r != null) {
            // the sender may have resent with a higher CSeq when answering a challenge
            cseq = Math.max(cseq, ((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getSeqNumber() + 1);
        }
        if (o.success() && r != null) {
            long granted = granted(r);
            pause = options.retryInitial();
            update(new RegistrationStatus(RegistrationState.REGISTERED, o.status(), o.reason(),
                    Duration.ofSeconds(granted)));
            long refresh = granted <= 2 ? 1 : Math.max(granted / 2, granted - 30);
            schedule(Duration.ofSeconds(refresh));
        } else if (o.status() == Response.INTERVAL_TOO_BRIEF && r != null
                && r.getHeader(MinExpiresHeader.NAME) instanceof MinExpiresHeader min && min.getExpires() > askFor) {
            askFor = min.getExpires();
            send();
        } else if (o.status() == 0 || o.status() / 100 == 5 || o.status() == Response.REQUEST_TIMEOUT) {
            update(new RegistrationStatus(RegistrationState.NO_NETWORK, o.status(), o.reason(), Duration.ZERO));
            LOG.info("registration of {} failed ({} {}); next try in {}", ua.identity().aor(), o.status(), o.reason(),
                    pause);
            schedule(pause);
            Duration doubled = pause.multipliedBy(2);
            pause = doubled.compareTo(options.retryMax()) > 0 ? options.retryMax() : doubled;
        } else {
            update(new RegistrationStatus(RegistrationState.FAILED, o.status(), o.reason(), Duration.ZERO));
        }
    }

    /** The lifetime granted: our Contact's expires parameter, else the Expires header, else what we asked. */
    private long granted(Response r) {
        ListIterator<?> it = r.getHeaders(ContactHeader.NAME);
        String ours = ua.contactUri();
        while (it.hasNext()) {
            ContactHeader c = (ContactHeader) it.next();
            if (c.getExpires() >= 0 && sameContact(c.getAddress(), ours)) {
                return c.getExpires();
            }
        }
        ExpiresHeader e = (ExpiresHeader) r.getHeader(ExpiresHeader.NAME);
        return e != null ? e.getExpires() : askFor;
    }

    private static boolean sameContact(Address a, String ours) {
        if (!(a.getURI() instanceof SipURI sip)) {
            return false;
        }
        String s = "sip:" + (sip.getUser() != null ? sip.getUser() + "@" : "") + sip.getHost() + ":" + sip.getPort();
        return ours.startsWith(s);
    }

    private Request request(long expires) throws Exception {
        SipMessages m = ua.msg;
        String domain = ua.identity().domain();
        SipURI registrar = m.addresses.createSipURI(null, domain);
        CallIdHeader id = callId;
        if (id == null) {
            id = m.headers.createCallIdHeader(java.util.UUID.randomUUID().toString());
            callId = id;
        }
        Address aor = m.ourAddress();
        Request req = m.request(Request.REGISTER, registrar, aor, fromTag, aor, id, cseq++);
        req.addHeader(m.contact(m.transportFor(registrar)));
        req.addHeader(m.headers.createExpiresHeader((int) expires));
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

    private void update(RegistrationStatus s) {
        status = s;
        for (RegistrationListener l : listeners) {
            ua.tell(() -> l.registrationChanged(s));
        }
    }
}
