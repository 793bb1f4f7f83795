// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.function.LongSupplier;

import javax.sip.InvalidArgumentException;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.sohosip.server.store.SipBinding;

/**
 * The registrar (RFC 3261 §10.3): authenticates REGISTER, checks that the authenticated user registers their own
 * address-of-record, applies the contacts (add, refresh, remove, {@code Contact: *}) and answers 200 with every
 * current binding, or 423 with {@code Min-Expires} when an interval is too brief.
 */
final class Registrar {

    private final Sip sip;
    private final DigestAuthenticator auth;
    private final Location location;
    private final int minExpires;
    private final int maxExpires;
    private final LongSupplier clock;

    Registrar(Sip sip, DigestAuthenticator auth, Location location, int minExpires, int maxExpires,
            LongSupplier clock) {
        this.sip = sip;
        this.auth = auth;
        this.location = location;
        this.minExpires = minExpires;
        this.maxExpires = maxExpires;
        this.clock = clock;
    }

    void register(Request request, String transport, String address) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        if (!(to.getAddress().getURI() instanceof SipURI aor) || aor.getUser() == null) {
            sip.respond(request, Response.BAD_REQUEST, "To must name a SIP user", null);
            return;
        }
        String username = auth.authenticate(request, address);
        if (username == null) {
            return;
        }
        if (!username.equals(aor.getUser()) || !sip.isLocalHost(aor.getHost(), aor.getPort())) {
            sip.respond(request, Response.FORBIDDEN, "You may only register your own address", null);
            return;
        }
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        long cseq = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
        ExpiresHeader expiresHeader = request.getExpires();
        int defaultExpires = expiresHeader == null ? maxExpires : expiresHeader.getExpires();
        long now = clock.getAsLong();
        List<SipBinding> current = location.lookup(username);
        List<ContactHeader> contacts = contacts(request);
        if (contacts.isEmpty()) {
            ok(request, current, now); // a query
            return;
        }
        if (contacts.stream().anyMatch(ContactHeader::isWildCard)) {
            if (contacts.size() != 1 || defaultExpires != 0) {
                sip.respond(request, Response.BAD_REQUEST, "Contact: * needs Expires: 0 and no other contact", null);
                return;
            }
            if (outOfOrder(current, callId, cseq)) {
                sip.respond(request, Response.SERVER_INTERNAL_ERROR, "Out of order REGISTER", null);
                return;
            }
            location.set(username, List.of());
            ok(request, List.of(), now);
            return;
        }
        List<SipBinding> updated = new ArrayList<>(current);
        for (ContactHeader contact : contacts) {
            int expires = contact.getExpires() >= 0 ? contact.getExpires() : defaultExpires;
            if (expires > 0 && expires < minExpires) {
                sip.respond(request, Response.INTERVAL_TOO_BRIEF, null,
                        r -> r.addHeader(sip.headers.createMinExpiresHeader(minExpires)));
                return;
            }
            String uri = contact.getAddress().getURI().toString();
            SipBinding existing = updated.stream().filter(b -> b.contact().equals(uri)).findFirst().orElse(null);
            if (existing != null && existing.callId().equals(callId) && existing.cseq() > cseq) {
                sip.respond(request, Response.SERVER_INTERNAL_ERROR, "Out of order REGISTER", null);
                return;
            }
            if (existing != null) {
                updated.remove(existing);
            }
            if (expires > 0) {
                int granted = Math.min(expires, maxExpires);
                float q = contact.getQValue();
                int qMilli = q < 0 ? 1000 : Math.round(Math.min(1f, q) * 1000);
                updated.add(new SipBinding(username, uri, qMilli, Instant.ofEpochMilli(now + granted * 1000L), callId,
                        cseq, transport + ":" + address));
            }
        }
        location.set(username, updated);
        ok(request, location.lookup(username), now);
    }

    private static boolean outOfOrder(List<SipBinding> current, String callId, long cseq) {
        return current.stream().anyMatch(b -> b.callId().equals(callId) && b.cseq() > cseq);
    }

    private static List<ContactHeader> contacts(Request request) {
        List<ContactHeader> contacts = new ArrayList<>(2);
        ListIterator<?> it = request.getHeaders(ContactHeader.NAME);
        while (it.hasNext()) {
            contacts.add((ContactHeader) it.next());
        }
        return contacts;
    }

    private void ok(Request request, List<SipBinding> bindings, long now) {
        sip.respond(request, Response.OK, null, response -> {
            for (SipBinding b : bindings) {
                response.addHeader(contact(b, now));
            }
        });
    }

    private ContactHeader contact(SipBinding b, long now) throws ParseException, InvalidArgumentException {
        URI uri = sip.addresses.createURI(b.contact());
        ContactHeader h = sip.headers.createContactHeader(sip.addresses.createAddress(uri));
        h.setExpires((int) Math.max(0, (b.expires().toEpochMilli() - now + 999) / 1000));
        if (b.qMilli() != 1000) {
            h.setQValue(b.qMilli() / 1000f);
        }
        return h;
    }
}
