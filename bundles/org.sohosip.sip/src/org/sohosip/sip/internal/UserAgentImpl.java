// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.internal;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.sip.RegistrationListener;
import org.sohosip.sip.RegistrationOptions;
import org.sohosip.sip.SipCallHold;
import org.sohosip.sip.SipDtmf;
import org.sohosip.sip.SipException;
import org.sohosip.sip.SipMessageWaiting;
import org.sohosip.sip.SipIdentity;
import org.sohosip.sip.SipRegistration;
import org.sohosip.sip.SipTelephony;
import org.sohosip.sip.SipUserAgent;
import org.sohosip.sip.Slf4jStackLogger;
import org.sohosip.sip.Transport;
import org.sohosip.sip.UserAgentConfig;

import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.SipListenerExt;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;

/**
 * The JAIN-SIP user agent. The stack's listener methods only hand events to a single worker thread, where all
 * protocol state lives; listeners of the API are called on a second thread so that slow listeners never hold up
 * SIP.
 */
public final class UserAgentImpl implements SipUserAgent, SipListenerExt {

    private static final Logger LOG = LoggerFactory.getLogger(UserAgentImpl.class);

    private final UserAgentConfig config;
    private final SipIdentity identity;
    private final SipStackImpl stack;
    private final SipProvider provider;
    private final List<ListeningPoint> points;
    private final int port;
    final SipMessages msg;
    final ScheduledThreadPoolExecutor worker;
    private final ExecutorService events;
    final RequestSender sender;
    private final TelephonyImpl telephony;
    private final MessageWaitingImpl messageWaiting;
    private final NotifierImpl notifier;
    private @Nullable RegistrationImpl registration;
    private volatile boolean closed;

    private UserAgentImpl(UserAgentConfig config, SipIdentity identity, SipStackImpl stack, SipProvider provider,
            List<ListeningPoint> points, int port) {
        this.config = config;
        this.identity = identity;
        this.stack = stack;
        this.provider = provider;
        this.points = points;
        this.port = port;
        this.msg = new SipMessages(new AddressFactoryImpl(), new HeaderFactoryImpl(), new MessageFactoryImpl(), config,
                identity, port);
        this.worker = new ScheduledThreadPoolExecutor(1, r -> thread(r, "sip-" + port));
        this.worker.setRemoveOnCancelPolicy(true);
        this.events = Executors.newSingleThreadExecutor(r -> thread(r, "sip-events-" + port));
        this.sender = new RequestSender(this, provider, msg, worker);
        this.telephony = new TelephonyImpl(this, provider);
        this.messageWaiting = new MessageWaitingImpl(this);
        this.notifier = new NotifierImpl(this);
    }

    /**
     * @param config   where to listen
     * @param identity who
     * @return the running agent
     */
    public static SipUserAgent start(UserAgentConfig config, SipIdentity identity) {
        SipException last = null;
        for (int attempt = 0; attempt < (config.port() == 0 ? 10 : 1); attempt++) {
            int port = config.port() != 0 ? config.port() : freePort(config.address());
            Properties props = new Properties();
            props.setProperty("javax.sip.STACK_NAME", "sohosip-" + UUID.randomUUID());
            props.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
            props.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
            props.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
            // a voicemail server may send message-summary NOTIFYs to phones that never subscribed (RFC 3842)
            props.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
            Slf4jStackLogger.configure(props);
            SipStackImpl stack = null;
            try {
                stack = new SipStackImpl(props);
                List<ListeningPoint> points = new ArrayList<>();
                SipProvider provider = null;
                for (Transport t : config.transports()) {
                    ListeningPoint lp = stack.createListeningPoint(config.address(), port, t.token());
                    points.add(lp);
                    if (provider == null) {
                        provider = stack.createSipProvider(lp);
                    } else {
                        provider.addListeningPoint(lp);
                    }
                }
                UserAgentImpl ua = new UserAgentImpl(config, identity, stack, java.util.Objects.requireNonNull(provider),
                        points, port);
                provider.addSipListener(ua);
                stack.start();
                LOG.info("SIP user agent {} listening on {}:{} ({})", identity.aor(), config.address(), port,
                        config.transports());
                return ua;
            } catch (Exception e) {
                if (stack != null) {
                    try {
                        stack.stop();
                    } catch (RuntimeException e2) {
                        LOG.debug("stopping a stack that did not start: {}", e2.toString());
                    }
                }
                last = new SipException("Could not listen for SIP on " + config.address() + ":" + port + ": "
                        + e.getMessage(), e);
            }
        }
        throw java.util.Objects.requireNonNull(last);
    }

    /**
     * Stops a stack. The stack's event thread waits on its queue and would outlive the stop (a JAIN-SIP 1.3
     * flaw): one empty event wakes it so that it sees it was stopped and ends.
     */
    private static void stopStack(SipStackImpl stack, SipProvider provider) {
        try {
            gov.nist.javax.sip.EventScanner scanner = stack.getEventScanner();
            stack.stop();
            scanner.addEvent(new gov.nist.javax.sip.EventWrapper(new DialogTerminatedEvent(provider, null), null));
        } catch (RuntimeException e) {
            LOG.debug("stopping the SIP stack: {}", e.toString());
        }
    }

    /** A port free for both UDP and TCP right now. */
    private static int freePort(String address) {
        for (int i = 0; i < 20; i++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0))) {
                int p = udp.getLocalPort();
                try (ServerSocket tcp = new ServerSocket()) {
                    tcp.bind(new InetSocketAddress(InetAddress.getByName(address), p));
                    return p;
                } catch (IOException e) {
                    // taken for TCP: try another
                }
            } catch (IOException e) {
                throw new SipException("Cannot use the address " + address + ": " + e.getMessage(), e);
            }
        }
        throw new SipException("No free port on " + address);
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    // ---- API ----

    @Override
    public UserAgentConfig config() {
        return config;
    }

    @Override
    public SipIdentity identity() {
        return identity;
    }

    @Override
    public int localPort() {
        return port;
    }

    @Override
    public String contactUri() {
        try {
            return msg.contactUri("udp").toString();
        } catch (java.text.ParseException e) {
            throw new SipException("bad contact address", e);
        }
    }

    @Override
    public SipRegistration register(RegistrationOptions options) {
        return register(options, status -> {
        });
    }

    @Override
    public synchronized SipRegistration register(RegistrationOptions options, RegistrationListener listener) {
        checkOpen();
        RegistrationImpl old = registration;
        if (old != null) {
            old.close();
        }
        RegistrationImpl r = new RegistrationImpl(this, options);
        r.markRegistering();
        r.addListener(listener);
        registration = r;
        onWorker(r::start);
        return r;
    }

    @Override
    public SipTelephony telephony() {
        return telephony;
    }

    @Override
    public SipCallHold hold() {
        return telephony.hold;
    }

    @Override
    public org.sohosip.sip.SipNotifier notifier() {
        return notifier;
    }

    @Override
    public org.sohosip.sip.SipTransfers transfers() {
        return telephony.transfers;
    }

    @Override
    public SipDtmf dtmf() {
        return telephony.dtmf;
    }

    @Override
    public SipMessageWaiting messageWaiting() {
        return messageWaiting;
    }

    @Override
    public java.util.concurrent.CompletionStage<Integer> sendNotify(String target, String event, String contentType,
            String body) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        onWorker(() -> {
            try {
                javax.sip.address.URI uri = msg.target(target);
                javax.sip.address.Address ours = msg.ourAddress();
                javax.sip.address.Address to = msg.addresses.createAddress(uri);
                Request req = msg.request(Request.NOTIFY, uri, ours, UUID.randomUUID().toString().substring(0, 8), to,
                        msg.headers.createCallIdHeader(UUID.randomUUID().toString()), 1);
                req.removeHeader(javax.sip.header.RouteHeader.NAME); // straight to the phone's contact
                req.addHeader(msg.headers.createEventHeader(event));
                req.addHeader(msg.headers.createSubscriptionStateHeader("terminated;reason=timeout"));
                req.addHeader(msg.contact(msg.transportFor(uri)));
                int slash = contentType.indexOf('/');
                req.setContent(body, msg.headers.createContentTypeHeader(contentType.substring(0, slash),
                        contentType.substring(slash + 1)));
                sender.send(req, null, r -> {
                }).future.thenAccept(o -> result.complete(o.status()));
            } catch (Exception e) {
                result.completeExceptionally(new SipException("Could not send NOTIFY: " + e.getMessage(), e));
            }
        });
        return result;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        RegistrationImpl r = registration;
        CompletableFuture<Void> done = new CompletableFuture<>();
        worker.execute(() -> {
            List<CompletableFuture<?>> waits = new ArrayList<>(telephony.endAll());
            if (r != null) {
                waits.add(r.unregister());
            }
            MwiSubscription s = messageWaiting.subscription();
            if (s != null) {
                s.unsubscribe();
            }
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> done.complete(null));
        });
        if (!Thread.currentThread().getName().startsWith("sip-")) {
            try {
                // the BYEs and the unregister deserve a short wait; a dead registrar must not hold up shutdown
                done.get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("closing without all answers: {}", e.toString());
            }
        }
        // This listener stays registered, doing nothing now: the stack's event thread is woken below with an event
        // that must reach a listener, or the stack logs it as an error. Removing the listening points closes the
        // sockets, so the port is free when close() returns.
        for (ListeningPoint lp : points) {
            try {
                provider.removeListeningPoint(lp);
                stack.deleteListeningPoint(lp);
            } catch (Exception e) {
                LOG.debug("listening point: {}", e.toString());
            }
        }
        worker.shutdownNow();
        events.shutdown();
        if (awaitPortsFree(300)) {
            // the stack's own stop sleeps about a second: let it finish in the background
            Thread stopper = new Thread(() -> stopStack(stack, provider), "sip-stop-" + port);
            stopper.setDaemon(true);
            stopper.start();
        } else {
            // TCP connections accepted on the port stay open until the stack stops: wait for that here
            stopStack(stack, provider);
            if (!awaitPortsFree(2000)) {
                LOG.warn("SIP port {} still in use after closing", port);
            }
        }
        LOG.info("SIP user agent {} on port {} closed", identity.aor(), port);
    }

    /**
     * The stack closes its TCP server socket on its own selector thread, a moment after the listening point is
     * deleted; close() promises a free port, so it waits for that (briefly: the sockets are already closing).
     */
    private boolean awaitPortsFree(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            if (portFree()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private boolean portFree() {
        try {
            InetAddress a = InetAddress.getByName(config.address());
            if (config.transports().contains(Transport.UDP)) {
                new DatagramSocket(new InetSocketAddress(a, port)).close();
            }
            if (config.transports().contains(Transport.TCP)) {
                try (ServerSocket tcp = new ServerSocket()) {
                    tcp.setReuseAddress(true);
                    tcp.bind(new InetSocketAddress(a, port));
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    boolean isClosed() {
        return closed;
    }

    private void checkOpen() {
        if (closed) {
            throw new SipException("The SIP user agent is closed");
        }
    }

    // ---- threads ----

    /** Runs protocol work on the worker thread, never letting an exception escape. */
    void onWorker(Runnable r) {
        if (worker.isShutdown()) {
            return;
        }
        try {
            worker.execute(() -> safely(r));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    /** Tells API listeners, on the events thread. */
    void tell(Runnable r) {
        try {
            events.execute(() -> safely(r));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    void safely(Runnable r) {
        try {
            r.run();
        } catch (Throwable t) {
            LOG.warn("SIP event handling failed", t);
        }
    }

    // ---- JAIN-SIP listener: hand over at once ----

    @Override
    public void processRequest(RequestEvent ev) {
        if (closed) {
            return;
        }
        try {
            Request req = ev.getRequest();
            ServerTransaction st = ev.getServerTransaction();
            if (st == null && !Request.ACK.equals(req.getMethod())) {
                try {
                    st = provider.getNewServerTransaction(req);
                } catch (TransactionAlreadyExistsException e) {
                    return; // a retransmission the transaction already answers
                }
            }
            ServerTransaction fst = st;
            javax.sip.Dialog dialog = ev.getDialog();
            onWorker(() -> handleRequest(req, fst, dialog));
        } catch (Throwable t) {
            LOG.warn("incoming request dropped: {}", t.toString());
        }
    }

    private void handleRequest(Request req, @Nullable ServerTransaction st, javax.sip.@Nullable Dialog dialog) {
        try {
            switch (req.getMethod()) {
                case Request.INVITE, Request.ACK, Request.BYE, Request.CANCEL, Request.INFO, Request.REFER ->
                    telephony.onRequest(req, st, dialog);
                case Request.OPTIONS -> respond(st, req, Response.OK);
                case Request.NOTIFY -> {
                    if (req.getHeader(javax.sip.header.EventHeader.NAME) instanceof javax.sip.header.EventHeader e
                            && "refer".equalsIgnoreCase(e.getEventType())) {
                        telephony.onRequest(req, st, dialog);
                    } else {
                        messageWaiting.onNotify(req, st);
                    }
                }
                case Request.SUBSCRIBE -> notifier.onSubscribe(req, st);
                default -> respond(st, req, Response.METHOD_NOT_ALLOWED);
            }
        } catch (Exception e) {
            LOG.warn("could not handle {}: {}", req.getMethod(), e.toString());
            respond(st, req, Response.SERVER_INTERNAL_ERROR);
        }
    }

    /** Answers a request statelessly within its transaction; failures are logged, never thrown. */
    void respond(@Nullable ServerTransaction st, Request req, int status) {
        respond(st, req, status, null);
    }

    /** The same, with a reason phrase that says why (e.g. {@code Attended Transfer Not Supported}). */
    void respond(@Nullable ServerTransaction st, Request req, int status, @Nullable String reason) {
        if (st == null) {
            return;
        }
        try {
            Response r = msg.response(status, req);
            if (reason != null) {
                r.setReasonPhrase(reason);
            }
            st.sendResponse(r);
        } catch (Exception e) {
            LOG.debug("could not answer {} with {}: {}", req.getMethod(), status, e.toString());
        }
    }

    @Override
    public void processResponse(ResponseEvent ev) {
        onWorker(() -> sender.onResponse(ev));
    }

    @Override
    public void processTimeout(TimeoutEvent ev) {
        ClientTransaction ct = ev.getClientTransaction();
        if (ct != null) {
            onWorker(() -> sender.onTimeout(ct, "No answer"));
        }
    }

    @Override
    public void processIOException(IOExceptionEvent ev) {
        LOG.info("SIP transport failure towards {}:{} ({})", ev.getHost(), ev.getPort(), ev.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent ev) {
        ClientTransaction ct = ev.getClientTransaction();
        if (ct != null) {
            onWorker(() -> sender.onTimeout(ct, "Could not reach the other side"));
        }
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent ev) {
        // calls end by their own BYE/CANCEL handling; nothing to do (also the wake-up event of a closed stack)
    }

    @Override
    public void processDialogTimeout(DialogTimeoutEvent ev) {
        javax.sip.Dialog d = ev.getDialog();
        onWorker(() -> telephony.onDialogTimeout(d));
    }
}
