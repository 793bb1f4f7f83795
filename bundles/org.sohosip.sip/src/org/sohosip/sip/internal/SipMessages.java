// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.internal;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;

import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.sip.SipEndpoint;
import org.sohosip.sip.SipException;
import org.sohosip.sip.SipIdentity;
import org.sohosip.sip.SipParty;
import org.sohosip.sip.UserAgentConfig;

/** Builds and reads SIP messages for one user agent: headers that every request and response carries. */
final class SipMessages {

    static final List<String> ALLOW = List.of(Request.INVITE, Request.ACK, Request.CANCEL, Request.BYE, Request.INFO,
            Request.OPTIONS, Request.NOTIFY, Request.REFER);

    final AddressFactory addresses;
    final HeaderFactory headers;
    final MessageFactory messages;
    private final UserAgentConfig config;
    private final SipIdentity identity;
    private final int port;

    SipMessages(AddressFactory addresses, HeaderFactory headers, MessageFactory messages, UserAgentConfig config,
            SipIdentity identity, int port) {
        this.addresses = addresses;
        this.headers = headers;
        this.messages = messages;
        this.config = config;
        this.identity = identity;
        this.port = port;
    }

    /** @return our contact URI for a transport (no transport parameter for UDP) */
    SipURI contactUri(String transport) throws ParseException {
        SipURI uri = addresses.createSipURI(identity.user(), config.address());
        uri.setPort(port);
        if (!"udp".equalsIgnoreCase(transport)) {
            uri.setTransportParam(transport.toLowerCase(Locale.ROOT));
        }
        return uri;
    }

    ContactHeader contact(String transport) throws ParseException {
        return headers.createContactHeader(addresses.createAddress(contactUri(transport)));
    }

    /** A Via for a new client transaction, asking for rport (RFC 3581). */
    ViaHeader via(String transport) throws ParseException, InvalidArgumentException {
        ViaHeader via = headers.createViaHeader(config.address(), port, transport.toLowerCase(Locale.ROOT), null);
        via.setRPort();
        return via;
    }

    /** @return the transport for requests to a target: the outbound proxy's, the URI's, or UDP */
    String transportFor(URI target) {
        SipEndpoint proxy = identity.outboundProxy();
        if (proxy != null) {
            return proxy.transport().token();
        }
        if (target instanceof SipURI sip && sip.getTransportParam() != null) {
            return sip.getTransportParam().toLowerCase(Locale.ROOT);
        }
        return "udp";
    }

    Address ourAddress() throws ParseException {
        Address a = addresses.createAddress(identity.aor());
        String name = identity.displayName();
        if (name != null && !name.isBlank()) {
            a.setDisplayName(name);
        }
        return a;
    }

    /**
     * @param target a sip: URI or a user part to put in the identity's domain
     * @return the URI
     */
    URI target(String target) {
        String t = target.strip();
        try {
            if (t.regionMatches(true, 0, "sip:", 0, 4) || t.regionMatches(true, 0, "sips:", 0, 5)) {
                return addresses.createURI(t);
            }
            if (t.isEmpty() || t.contains(" ") || t.contains("@") && t.indexOf('@') == 0) {
                throw new SipException("\"" + target + "\" is not a number or SIP address");
            }
            return addresses.createURI(t.contains("@") ? "sip:" + t : "sip:" + t + "@" + identity.domain());
        } catch (ParseException e) {
            throw new SipException("\"" + target + "\" is not a number or SIP address", e);
        }
    }

    /** A request outside any dialog, with Via (rport), Max-Forwards, Route to the outbound proxy and User-Agent. */
    Request request(String method, URI requestUri, Address from, String fromTag, Address to, CallIdHeader callId,
            long cseq) throws ParseException, InvalidArgumentException {
        String transport = transportFor(requestUri);
        FromHeader fromHeader = headers.createFromHeader(from, fromTag);
        ToHeader toHeader = headers.createToHeader(to, null);
        CSeqHeader cseqHeader = headers.createCSeqHeader(cseq, method);
        Request r = messages.createRequest(requestUri, method, callId, cseqHeader, fromHeader, toHeader,
                new java.util.ArrayList<>(List.of(via(transport))), headers.createMaxForwardsHeader(70));
        SipEndpoint proxy = identity.outboundProxy();
        if (proxy != null) {
            r.addHeader(headers.createRouteHeader(addresses.createAddress(proxy.uri())));
        }
        r.addHeader(headers.createHeader("User-Agent", config.userAgentName()));
        return r;
    }

    /** A response with our User-Agent. */
    Response response(int status, Request request) throws ParseException {
        Response r = messages.createResponse(status, request);
        r.addHeader(headers.createHeader("User-Agent", config.userAgentName()));
        if (status == Response.METHOD_NOT_ALLOWED || status / 100 == 2 && Request.OPTIONS.equals(request.getMethod())) {
            for (String method : ALLOW) {
                r.addHeader(headers.createAllowHeader(method));
            }
        }
        return r;
    }

    void body(Message m, String type, String subtype, String text) throws ParseException {
        ContentTypeHeader ct = headers.createContentTypeHeader(type, subtype);
        m.setContent(text.getBytes(StandardCharsets.UTF_8), ct);
    }

    /** @return the body as text, or empty */
    static String body(Message m) {
        byte[] raw = m.getRawContent();
        return raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
    }

    /** @return whether the message has a body of that type (e.g. {@code application/sdp}) */
    static boolean hasBody(Message m, String type, String subtype) {
        ContentTypeHeader ct = (ContentTypeHeader) m.getHeader(ContentTypeHeader.NAME);
        return ct != null && type.equalsIgnoreCase(ct.getContentType())
                && subtype.equalsIgnoreCase(ct.getContentSubType()) && m.getRawContent() != null
                && m.getRawContent().length > 0;
    }

    /** @return the party a From or To address names */
    static SipParty party(@Nullable Address a) {
        if (a == null) {
            return new SipParty("", "", null);
        }
        String user = a.getURI() instanceof SipURI sip && sip.getUser() != null ? sip.getUser() : "";
        String name = a.getDisplayName();
        return new SipParty(a.getURI().toString(), user, name == null || name.isBlank() ? null : name);
    }
}
