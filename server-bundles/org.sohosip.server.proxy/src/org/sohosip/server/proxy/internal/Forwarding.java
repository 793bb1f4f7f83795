// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;

import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Builds forwarded copies of requests (RFC 3261 §16.6): new Request-URI, Max-Forwards decremented, this proxy's
 * Route entry removed, its own Via on top, Record-Route when it must stay in the dialog. Also forwards requests and
 * responses statelessly (in-dialog requests, stray responses), where the Via branch is derived from the incoming
 * one so that retransmissions keep it.
 */
final class Forwarding {

    private static final Logger LOG = LoggerFactory.getLogger(Forwarding.class);
    private static final int MAX_FORWARDS = 70;

    private final Sip sip;
    private final String advertisedHost;

    Forwarding(Sip sip, String advertisedHost) {
        this.sip = sip;
        this.advertisedHost = advertisedHost;
    }

    /** Removes the top Route if it names this proxy (loose routing, RFC 3261 §16.4). */
    void popOwnRoute(Request request) {
        RouteHeader top = (RouteHeader) request.getHeader(RouteHeader.NAME);
        if (top != null && sip.isLocal(top.getAddress().getURI())) {
            request.removeFirst(RouteHeader.NAME);
        }
    }

    /** @return whether the request's top Route (if any) is this proxy */
    boolean hasForeignRoute(Request request) {
        RouteHeader top = (RouteHeader) request.getHeader(RouteHeader.NAME);
        return top != null && !sip.isLocal(top.getAddress().getURI());
    }

    /**
     * Prepares a copy of {@code original} for one target: Request-URI, Max-Forwards, Via (with the branch given),
     * Record-Route if asked, and no credentials of this realm.
     */
    Request prepare(Request original, @Nullable SipURI target, String branch, boolean recordRoute)
            throws ParseException, InvalidArgumentException, SipException {
        Request copy = (Request) original.clone();
        if (target != null) {
            copy.setRequestURI(target);
        }
        popOwnRoute(copy);
        MaxForwardsHeader mf = (MaxForwardsHeader) copy.getHeader(MaxForwardsHeader.NAME);
        if (mf == null) {
            copy.setHeader(sip.headers.createMaxForwardsHeader(MAX_FORWARDS));
        } else {
            mf.setMaxForwards(Math.min(MAX_FORWARDS, mf.getMaxForwards() - 1));
        }
        if (copy.getHeader(ProxyAuthorizationHeader.NAME) != null) {
            // Credentials for this proxy stop here (RFC 3261 §22.3); those for others travel on.
            List<ProxyAuthorizationHeader> others = new ArrayList<>();
            ListIterator<?> auth = copy.getHeaders(ProxyAuthorizationHeader.NAME);
            while (auth.hasNext()) {
                ProxyAuthorizationHeader h = (ProxyAuthorizationHeader) auth.next();
                if (!sip.domain.equals(h.getRealm())) {
                    others.add(h);
                }
            }
            copy.removeHeader(ProxyAuthorizationHeader.NAME);
            for (ProxyAuthorizationHeader h : others) {
                copy.addHeader(h);
            }
        }
        String transport = nextHopTransport(copy);
        if (recordRoute) {
            SipURI rr = sip.addresses.createSipURI(null, advertisedHost);
            rr.setPort(sip.port);
            rr.setLrParam();
            if (!"udp".equalsIgnoreCase(transport)) {
                rr.setTransportParam(transport.toLowerCase(java.util.Locale.ROOT));
            }
            Address address = sip.addresses.createAddress(rr);
            RecordRouteHeader header = sip.headers.createRecordRouteHeader(address);
            copy.addFirst(header);
        }
        ViaHeader via = sip.headers.createViaHeader(advertisedHost, sip.port, transport, branch);
        via.setRPort();
        copy.addFirst(via);
        return copy;
    }

    /** Forwards without keeping state (in-dialog requests, ACK for 2xx). */
    void statelessly(Request request) {
        try {
            ViaHeader top = (ViaHeader) request.getHeader(ViaHeader.NAME);
            String branch = derivedBranch(top == null ? "" : top.getBranch() + top.getHost() + top.getPort(),
                    request.getMethod());
            sip.provider.sendRequest(prepare(request, null, branch, false));
        } catch (SipException | ParseException | InvalidArgumentException | RuntimeException e) {
            LOG.debug("Could not forward {}: {}", request.getMethod(), e.toString());
        }
    }

    /** Forwards a response whose transaction this proxy does not hold: removes its own Via, sends on. */
    void statelessly(Response response) {
        Response copy = withoutTopVia(response);
        if (copy == null) {
            return; // it was addressed to this proxy
        }
        try {
            sip.provider.sendResponse(copy);
        } catch (SipException | RuntimeException e) {
            LOG.debug("Could not forward response {}: {}", response.getStatusCode(), e.toString());
        }
    }

    /** @return a copy of the response without its top Via, or {@code null} when that was the only one */
    static @Nullable Response withoutTopVia(Response response) {
        Response copy = (Response) response.clone();
        copy.removeFirst(ViaHeader.NAME);
        return copy.getHeader(ViaHeader.NAME) == null ? null : copy;
    }

    String transportOf(Request request) {
        return nextHopTransport(request);
    }

    /**
     * The transport towards the next hop: the top Route's, else the Request-URI's {@code transport} parameter, else
     * UDP (RFC 3263 for a {@code sip:} URI). Not the stack's router: it falls back to the transport of the top Via,
     * which is the caller's and says nothing about the callee.
     */
    private static String nextHopTransport(Request request) {
        RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        javax.sip.address.URI next = route != null ? route.getAddress().getURI() : request.getRequestURI();
        String transport = next instanceof SipURI sip ? sip.getTransportParam() : null;
        if (next instanceof SipURI sip && sip.isSecure()) {
            return "tls";
        }
        return transport == null ? "udp" : transport.toLowerCase(java.util.Locale.ROOT);
    }

    /** A branch that is the same for every retransmission of a request (RFC 3261 §16.11). */
    static String derivedBranch(String incoming, String method) {
        int h = (incoming + method).hashCode();
        byte[] bytes = (incoming + ":" + method).getBytes(StandardCharsets.UTF_8);
        long l = 1125899906842597L;
        for (byte b : bytes) {
            l = 31 * l + b;
        }
        return "z9hG4bK" + Integer.toHexString(h) + Long.toHexString(l);
    }
}
