// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ListIterator;

import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.Hop;
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

import gov.nist.javax.sip.SipStackImpl;

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
    private final SipStackImpl stack;
    private final String advertisedHost;

    Forwarding(Sip sip, SipStackImpl stack, String advertisedHost) {
        this.sip = sip;
        this.stack = stack;
        this.advertisedHost = advertisedHost;
    }

    /** Removes the top Route if it names this proxy (loose routing, RFC 3261 §16.4). */
    void popOwnRoute(Request request) {
        ListIterator<?> routes = request.getHeaders(RouteHeader.NAME);
        if (routes.hasNext()) {
            RouteHeader top = (RouteHeader) routes.next();
            if (sip.isLocal(top.getAddress().getURI())) {
                routes.remove();
            }
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
        ListIterator<?> auth = copy.getHeaders(ProxyAuthorizationHeader.NAME);
        while (auth.hasNext()) {
            if (sip.domain.equals(((ProxyAuthorizationHeader) auth.next()).getRealm())) {
                auth.remove(); // credentials for this proxy stop here (RFC 3261 §22.3)
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
        Response copy = (Response) response.clone();
        ListIterator<?> vias = copy.getHeaders(ViaHeader.NAME);
        if (!vias.hasNext()) {
            return;
        }
        vias.next();
        vias.remove();
        if (copy.getHeader(ViaHeader.NAME) == null) {
            return; // it was addressed to this proxy
        }
        try {
            sip.provider.sendResponse(copy);
        } catch (SipException | RuntimeException e) {
            LOG.debug("Could not forward response {}: {}", response.getStatusCode(), e.toString());
        }
    }

    String transportOf(Request request) {
        try {
            return nextHopTransport(request);
        } catch (SipException e) {
            return "udp";
        }
    }

    private String nextHopTransport(Request request) throws SipException {
        Hop hop = stack.getRouter().getNextHop(request);
        return hop == null ? "udp" : hop.getTransport().toLowerCase(java.util.Locale.ROOT);
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
