// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;

import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ProxyRequireHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.Account;
import org.sohosip.core.CallDisposition;
import org.sohosip.core.api.Gateway;
import org.sohosip.server.store.SipBinding;

import gov.nist.javax.sip.RequestEventExt;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;

/**
 * Entry point of every SIP message: abuse checks first (rate limit, scanners, size, Max-Forwards), then REGISTER to
 * the registrar, in-dialog requests along their Route, CANCEL to the request it cancels, OPTIONS to this proxy
 * answered here, and other requests authenticated and forwarded statefully to every contact of their target.
 */
final class RequestRouter implements SipListener {

    private static final Logger LOG = LoggerFactory.getLogger(RequestRouter.class);
    private static final List<String> ALLOW = List.of("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "REGISTER", "INFO",
            "MESSAGE", "UPDATE", "PRACK", "SUBSCRIBE", "NOTIFY", "REFER");

    private final Sip sip;
    private final RateLimiter rates;
    private final List<String> scanners;
    private final int maxMessageSize;
    private final Registrar registrar;
    private final DigestAuthenticator auth;
    private final AccountCache accounts;
    private final Location location;
    private final Forwarding forwarding;
    private final CallRecorder recorder;
    private final ScheduledExecutorService timers;
    private final int ringSeconds;
    private final ApplicationRouting applications;
    private @Nullable PstnCalls pstn;
    private @Nullable ClickToCalls clickToCalls;
    private final ConcurrentMap<String, ProxiedRequest> pending = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Boolean> scannersLogged = new ConcurrentHashMap<>();

    RequestRouter(Sip sip, RateLimiter rates, List<String> scanners, int maxMessageSize, Registrar registrar,
            DigestAuthenticator auth, AccountCache accounts, Location location, Forwarding forwarding,
            CallRecorder recorder, ScheduledExecutorService timers, int ringSeconds, ApplicationRouting applications) {
        this.sip = sip;
        this.rates = rates;
        this.scanners = scanners;
        this.maxMessageSize = maxMessageSize;
        this.registrar = registrar;
        this.auth = auth;
        this.accounts = accounts;
        this.location = location;
        this.forwarding = forwarding;
        this.recorder = recorder;
        this.timers = timers;
        this.ringSeconds = ringSeconds;
        this.applications = applications;
    }

    /** Turns on calls the proxy places itself (their phones' in-dialog requests come back here). */
    void clickToCalls(ClickToCalls calls) {
        this.clickToCalls = calls;
    }

    /** Turns on routing to and from PSTN gateways. */
    void pstn(PstnCalls calls) {
        this.pstn = calls;
    }

    @Override
    public void processRequest(RequestEvent event) {
        try {
            route(event);
        } catch (RuntimeException e) {
            // Whatever a peer sends, the proxy keeps running; a request that made it fail gets a 500 if possible.
            LOG.warn("Could not process {}: {}", event.getRequest().getMethod(), e.toString(), e);
            if (!Request.ACK.equals(event.getRequest().getMethod())) {
                sip.respond(event.getRequest(), Response.SERVER_INTERNAL_ERROR);
            }
        }
    }

    private void route(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        String address = request instanceof SIPRequest r && r.getMessageChannel() != null ? sourceAddress(r)
                : event instanceof RequestEventExt ext ? ext.getRemoteIpAddress() : "unknown";
        if (!rates.allow(address)) {
            return;
        }
        if (isScanner(request, address)) {
            return;
        }
        boolean ack = Request.ACK.equals(method);
        if (request instanceof SIPRequest r && r.getRequestLine() != null
                && !r.getRequestLine().encode().trim().toUpperCase(Locale.ROOT).endsWith("SIP/2.0")) {
            if (!ack) {
                sip.respond(request, Response.VERSION_NOT_SUPPORTED);
            }
            return;
        }
        if (request instanceof SIPMessage m && m.getSize() > maxMessageSize) {
            if (!ack) {
                sip.respond(request, Response.MESSAGE_TOO_LARGE);
            }
            return;
        }
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        String transport = via == null ? "udp" : via.getTransport().toLowerCase(Locale.ROOT);
        if (via != null) {
            answerToSource(request, via);
        }
        if (request.getHeader(ProxyRequireHeader.NAME) != null && !ack && !Request.CANCEL.equals(method)) {
            unsupported(request);
            return;
        }
        if (Request.REGISTER.equals(method)) {
            registrar.register(request, transport, address);
            return;
        }
        if (Request.CANCEL.equals(method)) {
            cancel(request);
            return;
        }
        ClickToCalls originated = clickToCalls;
        if (originated != null && originated.takes(request)) {
            return;
        }
        boolean toUs = sip.isLocal(request.getRequestURI()) && !hasUser(request.getRequestURI());
        if (Request.OPTIONS.equals(method) && toUs && !forwarding.hasForeignRoute(request)) {
            sip.respond(request, Response.OK, null, r -> {
                for (String allowed : ALLOW) {
                    r.addHeader(sip.headers.createAllowHeader(allowed));
                }
                r.addHeader(sip.headers.createAcceptHeader("application", "sdp"));
            });
            return;
        }
        MaxForwardsHeader mf = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        if (mf != null && mf.getMaxForwards() <= 0) {
            if (!ack) {
                sip.respond(request, Response.TOO_MANY_HOPS);
            }
            return;
        }
        if (isLoop(request)) {
            if (!ack) {
                sip.respond(request, Response.LOOP_DETECTED);
            }
            return;
        }
        String toTag = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag();
        if (toTag != null || ack) {
            inDialog(request, toUs);
            return;
        }
        outOfDialog(event, request, address);
    }

    /**
     * Answers go back to where the request came from (RFC 3581 behaviour for every request, as phones behind NAT
     * need and as most registrars do), not to a sent-by address that may be private or made up.
     */
    private static void answerToSource(Request request, ViaHeader via) {
        if (!(request instanceof SIPRequest r) || !(r.getMessageChannel() instanceof MessageChannel channel)) {
            return;
        }
        try {
            if (!channel.getTransport().equalsIgnoreCase(via.getTransport())) {
                via.setTransport(channel.getTransport()); // answer on the transport it came by
            }
            via.setReceived(sourceAddress(r));
            via.setParameter("rport", Integer.toString(sourcePort(r, channel)));
        } catch (java.text.ParseException e) {
            LOG.debug("Could not note the source in Via: {}", e.getMessage());
        }
    }

    /** The address a request really came from (the stack's event gives the Via's sent-by for some). */
    private static String sourceAddress(SIPRequest r) {
        if (r.getPeerPacketSourceAddress() != null) {
            return r.getPeerPacketSourceAddress().getHostAddress();
        }
        MessageChannel channel = (MessageChannel) r.getMessageChannel();
        return channel == null ? "unknown" : channel.getPeerAddress();
    }

    private static int sourcePort(SIPRequest r, MessageChannel channel) {
        // A stream's peer is its socket; a datagram channel may stand for the Via's address instead.
        return channel.isReliable() || r.getPeerPacketSourcePort() <= 0 ? channel.getPeerPort()
                : r.getPeerPacketSourcePort();
    }

    /** RFC 3261 §16.3: this proxy supports no extensions a request could require of it. */
    private void unsupported(Request request) {
        List<String> tags = new ArrayList<>();
        var it = request.getHeaders(ProxyRequireHeader.NAME);
        while (it.hasNext()) {
            tags.add(((ProxyRequireHeader) it.next()).getOptionTag());
        }
        sip.respond(request, Response.BAD_EXTENSION, null, r -> {
            for (String tag : tags) {
                r.addHeader(sip.headers.createUnsupportedHeader(tag));
            }
        });
    }

    /**
     * Requests within a dialog follow the Route set that this proxy's Record-Route put there: the top Route must
     * be this proxy. Anything else would make the proxy a relay for whoever writes a To tag and a Route.
     */
    private void inDialog(Request request, boolean toUs) {
        RouteHeader top = (RouteHeader) request.getHeader(RouteHeader.NAME);
        if (top == null || !sip.isLocal(top.getAddress().getURI())) {
            if (!Request.ACK.equals(request.getMethod())) {
                sip.respond(request, toUs ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.NOT_FOUND,
                        toUs ? null : "Not routed through this proxy", null);
            }
            return;
        }
        if (Request.BYE.equals(request.getMethod())) {
            recorder.bye(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId());
        }
        forwarding.statelessly(request);
    }

    private void outOfDialog(RequestEvent event, Request request, String address) {
        String method = request.getMethod();
        URI ruri = request.getRequestURI();
        if (!(ruri instanceof SipURI target) || target.getUser() == null || !sip.isLocal(ruri)) {
            if (forwarding.hasForeignRoute(request) || ruri instanceof SipURI) {
                String caller = auth.authenticate(request, address);
                if (caller != null) {
                    sip.respond(request, Response.NOT_FOUND, "Not served here", null);
                }
            } else {
                sip.respond(request, Response.UNSUPPORTED_URI_SCHEME);
            }
            return;
        }
        PstnCalls gateways = pstn;
        Gateway gateway = gateways != null && Request.INVITE.equals(method) && request instanceof SIPRequest r
                && r.getMessageChannel() instanceof MessageChannel channel
                        ? gateways.fromGateway(address, sourcePort(r, channel)) : null;
        String caller = gateway != null ? "" : auth.authenticate(request, address);
        if (caller == null) {
            return;
        }
        ServerTransaction server;
        try {
            server = event.getServerTransaction() != null ? event.getServerTransaction()
                    : sip.provider.getNewServerTransaction(request);
        } catch (Exception e) {
            LOG.debug("No server transaction for {}: {}", method, e.toString());
            return; // a retransmission the stack already holds
        }
        boolean invite = Request.INVITE.equals(method);
        if (invite) {
            sip.respond(server, Response.TRYING, null);
        }
        String dialled = target.getUser();
        if (gateways != null && gateway != null) {
            gateways.inbound(server, request, gateway, dialled, this::proxy);
            return;
        }
        Account callee = accounts.target(dialled);
        Account calling = invite && callee == null ? accounts.target(caller) : null;
        if (gateways != null && calling != null && gateways.outbound(server, request, calling, dialled, this::proxy)) {
            return;
        }
        CallRecorder.Attempt attempt = null;
        if (invite) {
            Account from = accounts.target(caller);
            String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
            String callerName = from != null ? from.displayName()
                    : ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getDisplayName();
            attempt = recorder.start(callId, caller, callerName, callee == null ? dialled : callee.username(), dialled);
        }
        if (toApplication(server, request, dialled, caller, callee, attempt)) {
            return;
        }
        if (callee == null) {
            sip.respond(server, Response.NOT_FOUND, null);
            if (attempt != null) {
                recorder.ended(attempt, CallDisposition.FAILED);
            }
            return;
        }
        List<SipURI> contacts = contactsOf(callee.username());
        boolean voicemail = invite && applications.hasVoicemail();
        if (contacts.isEmpty() && !voicemail) {
            sip.respond(server, Response.TEMPORARILY_UNAVAILABLE, null);
            if (attempt != null) {
                recorder.ended(attempt, CallDisposition.MISSED);
            }
            return;
        }
        proxy(server, contacts, attempt, voicemail ? callee : null, dialled, caller);
    }

    /** @return the registered contacts of a user name that can be forwarded to */
    List<SipURI> contactsOf(String username) {
        List<SipURI> contacts = new ArrayList<>();
        for (SipBinding b : location.lookup(username)) {
            try {
                if (sip.addresses.createURI(b.contact()) instanceof SipURI uri) {
                    contacts.add(uri);
                }
            } catch (java.text.ParseException e) {
                LOG.debug("Unusable contact {}: {}", b.contact(), e.getMessage());
            }
        }
        return contacts;
    }

    /** Forwards the server transaction's request statefully to every target. */
    private void proxy(ServerTransaction server, List<SipURI> contacts, CallRecorder.@Nullable Attempt attempt) {
        proxy(server, contacts, attempt, null, "", "");
    }

    /**
     * Forwards the server transaction's request statefully to every target; with a mailbox owner, an unanswered,
     * busy or unreachable call then goes to that owner's voicemail.
     */
    private void proxy(ServerTransaction server, List<SipURI> contacts, CallRecorder.@Nullable Attempt attempt,
            @Nullable Account mailbox, String dialled, String caller) {
        Request request = server.getRequest();
        String method = request.getMethod();
        boolean invite = Request.INVITE.equals(method);
        String key = cancelKey(request);
        ProxiedRequest proxied = new ProxiedRequest(sip, forwarding, server, invite ? recorder : null, attempt,
                () -> pending.remove(key));
        if (invite) {
            pending.put(key, proxied);
        }
        boolean recordRoute = invite || Request.SUBSCRIBE.equals(method) || Request.REFER.equals(method);
        if (mailbox != null) {
            proxied.divertTo(applications.fallback(mailbox, dialled, caller));
        }
        proxied.start(contacts, recordRoute, timers, mailbox != null ? applications.ringSeconds(mailbox, ringSeconds)
                : ringSeconds);
    }

    /**
     * Calls to a call application's number, and the owner's message-summary subscriptions, go to the application.
     *
     * @return whether the request was taken (forwarded or refused)
     */
    private boolean toApplication(ServerTransaction server, Request request, String dialled, String caller,
            @Nullable Account callee, CallRecorder.@Nullable Attempt attempt) {
        boolean invite = Request.INVITE.equals(request.getMethod());
        ApplicationTarget target = invite ? applications.forNumber(dialled, caller) : null;
        if (target == null && callee != null && applications.isMessageSummary(request)) {
            if (!callee.username().equals(caller)) {
                sip.respond(server, Response.FORBIDDEN, "Only the owner may watch a mailbox");
                return true;
            }
            target = applications.subscription(callee, caller);
        }
        if (target == null) {
            return false;
        }
        String key = cancelKey(request);
        ProxiedRequest proxied = new ProxiedRequest(sip, forwarding, server, invite ? recorder : null, attempt,
                () -> pending.remove(key));
        if (invite) {
            pending.put(key, proxied);
        }
        proxied.start(target, timers, ringSeconds);
        return true;
    }

    private void cancel(Request cancel) {
        ProxiedRequest proxied = pending.get(cancelKey(cancel));
        if (proxied == null) {
            sip.respond(cancel, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        sip.respond(cancel, Response.OK);
        proxied.cancelByCaller();
    }

    /** A CANCEL carries the top Via branch and the Call-ID of the INVITE it cancels (RFC 3261 §9.1). */
    private static String cancelKey(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        return (via == null ? "" : via.getBranch() + "|" + via.getHost() + ":" + via.getPort()) + "|" + callId;
    }

    private boolean isScanner(Request request, String address) {
        UserAgentHeader ua = (UserAgentHeader) request.getHeader(UserAgentHeader.NAME);
        if (ua == null) {
            return false;
        }
        String agent = ua.toString().toLowerCase(Locale.ROOT);
        for (String s : scanners) {
            if (agent.contains(s)) {
                if (scannersLogged.putIfAbsent(address, Boolean.TRUE) == null) {
                    LOG.warn("Dropping SIP requests from scanner '{}' at {}", s, address);
                    if (scannersLogged.size() > 10_000) {
                        scannersLogged.clear();
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** A request that already passed this proxy with the same branch stem comes back: a loop (RFC 3261 §16.3). */
    private boolean isLoop(Request request) {
        var vias = request.getHeaders(ViaHeader.NAME);
        int ours = 0;
        while (vias.hasNext()) {
            ViaHeader v = (ViaHeader) vias.next();
            if (sip.isLocalHost(v.getHost(), v.getPort()) && v.getPort() == sip.port) {
                ours++;
            }
        }
        // Spiral through this proxy are legitimate once (e.g. a route back here); more means a loop.
        return ours > 1;
    }

    private static boolean hasUser(URI uri) {
        return uri instanceof SipURI sip && sip.getUser() != null;
    }

    @Override
    public void processResponse(ResponseEvent event) {
        try {
            ClientTransaction ct = event.getClientTransaction();
            Object data = ct == null ? null : ct.getApplicationData();
            if (data == ProxiedRequest.OWN_CANCEL) {
                return;
            }
            if (data instanceof OriginatedCall.Sent sent) {
                sent.call().onResponse(sent, event.getResponse());
                return;
            }
            if (data instanceof ProxiedRequest.Branch branch) {
                branch.owner().onResponse(branch, event.getResponse());
            } else if (ct == null) {
                stray(event.getResponse());
            } else {
                forwarding.statelessly(event.getResponse());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not process response {}: {}", event.getResponse().getStatusCode(), e.toString(), e);
        }
    }

    /**
     * A response without a client transaction: a late 2xx for one of the proxy's own click-to-calls, else one to
     * relay statelessly (the 200 answering a BYE relayed without state, a retransmitted 200).
     */
    void stray(Response response) {
        ClickToCalls originated = clickToCalls;
        if (originated != null && originated.takesStray(response)) {
            return;
        }
        forwarding.statelessly(response);
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (!event.isServerTransaction() && event.getClientTransaction() != null
                && event.getClientTransaction().getApplicationData() instanceof ProxiedRequest.Branch branch) {
            branch.owner().onTimeout(branch);
        } else if (!event.isServerTransaction() && event.getClientTransaction() != null
                && event.getClientTransaction().getApplicationData() instanceof OriginatedCall.Sent sent) {
            sent.call().onTimeout(sent);
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debug("SIP transport problem with {}:{} ({})", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing to clean up: each forwarded request ends with its final response
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // the proxy keeps no dialogs
    }
}
