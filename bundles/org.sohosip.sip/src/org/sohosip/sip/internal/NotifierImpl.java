// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import javax.sip.ServerTransaction;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.sip.SipNotifier;

/**
 * Subscriptions this agent serves as notifier (RFC 6665): each is a dialog kept by hand (Call-ID, tags, remote
 * target and route set from the SUBSCRIBE), so NOTIFYs go back along the Record-Route the proxy put in.
 */
final class NotifierImpl implements SipNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(NotifierImpl.class);
    private static final int MAX_EXPIRES = 3600;

    private record Package(String contentType, Function<String, String> state) {
    }

    private static final class Subscription {
        final String callId;
        final String event;
        final String user;
        final Address local;
        final String localTag = HexFormat.of().formatHex(randomBytes());
        final Address remote;
        final String remoteTag;
        final List<Address> routes;
        URI target;
        javax.sip.@Nullable Dialog dialog;
        long cseq;
        long expiresAt;

        Subscription(String callId, String event, String user, Address local, Address remote, String remoteTag,
                List<Address> routes, URI target) {
            this.callId = callId;
            this.event = event;
            this.user = user;
            this.local = local;
            this.remote = remote;
            this.remoteTag = remoteTag;
            this.routes = routes;
            this.target = target;
        }
    }

    private final UserAgentImpl ua;
    private final Map<String, Package> packages = new ConcurrentHashMap<>();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

    NotifierImpl(UserAgentImpl ua) {
        this.ua = ua;
    }

    @Override
    public void serve(String event, String contentType, Function<String, String> state) {
        packages.put(event.toLowerCase(Locale.ROOT), new Package(contentType, state));
    }

    @Override
    public int changed(String event, String user) {
        long now = System.currentTimeMillis();
        int told = 0;
        for (Subscription s : subscriptions.values()) {
            if (s.expiresAt <= now) {
                subscriptions.remove(s.callId, s);
            } else if (s.event.equals(event.toLowerCase(Locale.ROOT)) && s.user.equals(user)) {
                told++;
                ua.onWorker(() -> notify(s, "active;expires=" + Math.max(1, (s.expiresAt - now) / 1000)));
            }
        }
        return told;
    }

    @Override
    public Set<String> subscribers(String event, String user) {
        long now = System.currentTimeMillis();
        Set<String> out = new HashSet<>();
        for (Subscription s : subscriptions.values()) {
            if (s.expiresAt > now && s.event.equals(event.toLowerCase(Locale.ROOT)) && s.user.equals(user)) {
                out.add(s.target.toString());
            }
        }
        return out;
    }

    /** Called on the agent's worker thread for every SUBSCRIBE. */
    void onSubscribe(Request req, @Nullable ServerTransaction st) throws Exception {
        if (st == null) {
            return;
        }
        EventHeader eventHeader = (EventHeader) req.getHeader(EventHeader.NAME);
        String event = eventHeader == null ? "" : eventHeader.getEventType().toLowerCase(Locale.ROOT);
        if (!packages.containsKey(event)) {
            ua.respond(st, req, Response.BAD_EVENT);
            return;
        }
        String callId = ((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId();
        ToHeader to = (ToHeader) req.getHeader(ToHeader.NAME);
        Subscription s = subscriptions.get(callId);
        if (to.getTag() != null && (s == null || !to.getTag().equals(s.localTag))) {
            ua.respond(st, req, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        ContactHeader contact = (ContactHeader) req.getHeader(ContactHeader.NAME);
        if (s == null) {
            if (contact == null || !(req.getRequestURI() instanceof SipURI uri) || uri.getUser() == null) {
                ua.respond(st, req, Response.BAD_REQUEST);
                return;
            }
            FromHeader from = (FromHeader) req.getHeader(FromHeader.NAME);
            List<Address> routes = new ArrayList<>();
            ListIterator<?> rr = req.getHeaders(RecordRouteHeader.NAME);
            while (rr.hasNext()) {
                routes.add(((RecordRouteHeader) rr.next()).getAddress());
            }
            s = new Subscription(callId, event, uri.getUser(), to.getAddress(), from.getAddress(), from.getTag(),
                    routes, contact.getAddress().getURI());
            subscriptions.put(callId, s);
        } else if (contact != null) {
            s.target = contact.getAddress().getURI();
        }
        ExpiresHeader asked = req.getExpires();
        int expires = Math.min(asked == null ? MAX_EXPIRES : asked.getExpires(), MAX_EXPIRES);
        s.expiresAt = System.currentTimeMillis() + expires * 1000L;
        Response ok = ua.msg.response(Response.OK, req);
        ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(s.localTag);
        ok.addHeader(ua.msg.headers.createExpiresHeader(expires));
        ok.addHeader(ua.msg.contact("udp"));
        ListIterator<?> rr = req.getHeaders(RecordRouteHeader.NAME);
        while (rr.hasNext()) {
            ok.addHeader((RecordRouteHeader) ((RecordRouteHeader) rr.next()).clone());
        }
        st.sendResponse(ok);
        s.dialog = st.getDialog(); // the stack keeps the dialog when it made one (automatic dialog support)
        if (expires == 0) {
            subscriptions.remove(callId);
            notify(s, "terminated;reason=timeout");
        } else {
            notify(s, "active;expires=" + expires);
        }
    }

    private void notify(Subscription s, String state) {
        Package p = packages.get(s.event);
        if (p == null) {
            return;
        }
        try {
            var h = ua.msg.headers;
            javax.sip.Dialog d = s.dialog;
            Request n = d != null ? d.createRequest(Request.NOTIFY)
                    : ua.msg.messages.createRequest(s.target, Request.NOTIFY, h.createCallIdHeader(s.callId),
                            h.createCSeqHeader(++s.cseq, Request.NOTIFY), h.createFromHeader(s.local, s.localTag),
                            h.createToHeader(s.remote, s.remoteTag), new ArrayList<>(List.of(ua.msg.via("udp"))),
                            h.createMaxForwardsHeader(70));
            if (d == null) {
                for (Address route : s.routes) {
                    n.addHeader(h.createRouteHeader(route));
                }
            }
            n.addHeader(h.createEventHeader(s.event));
            n.addHeader(h.createSubscriptionStateHeader(state));
            n.setHeader(ua.msg.contact("udp"));
            int slash = p.contentType().indexOf('/');
            n.setContent(p.state().apply(s.user), h.createContentTypeHeader(p.contentType().substring(0, slash),
                    p.contentType().substring(slash + 1)));
            ua.sender.send(n, d, r -> {
            }).future.thenAccept(o -> {
                if (o.status() == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST) {
                    subscriptions.remove(s.callId, s); // the subscriber forgot it
                }
            });
        } catch (Exception e) {
            LOG.debug("Could not send NOTIFY for {}: {}", s.user, e.toString());
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
