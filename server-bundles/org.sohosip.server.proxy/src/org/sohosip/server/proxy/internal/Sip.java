// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.io.IOException;
import java.text.ParseException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;

/**
 * The JAIN-SIP factories and provider of the running proxy, with the few ways it answers requests. Answers are sent
 * statelessly unless a server transaction is given: registrations and challenges need no transaction state, and
 * keeping none is what lets the registrar answer thousands of requests a second.
 */
final class Sip {

    /** Something that adds headers to a response before it is sent. */
    @FunctionalInterface
    interface Decoration {
        void decorate(Response response) throws ParseException, InvalidArgumentException;
    }

    static final String SERVER = "SOHOSIP";
    private static final Logger LOG = LoggerFactory.getLogger(Sip.class);

    final MessageFactory messages;
    final HeaderFactory headers;
    final AddressFactory addresses;
    final SipProvider provider;
    final String domain;
    /** Host names and addresses that mean this proxy in a Request-URI or Route. */
    final Set<String> localNames;
    final int port;

    Sip(MessageFactory messages, HeaderFactory headers, AddressFactory addresses, SipProvider provider, String domain,
            Set<String> localNames, int port) {
        this.messages = messages;
        this.headers = headers;
        this.addresses = addresses;
        this.provider = provider;
        this.domain = domain;
        this.localNames = localNames;
        this.port = port;
    }

    /** Answers statelessly. */
    void respond(Request request, int status) {
        respond(request, status, null, null);
    }

    /** Answers statelessly, with a reason phrase of its own and extra headers. */
    void respond(Request request, int status, @Nullable String reason, @Nullable Decoration decoration) {
        try {
            Response response = response(request, status, reason, decoration);
            if (request instanceof SIPRequest r && r.getMessageChannel() instanceof MessageChannel channel
                    && channel.isReliable() && response instanceof SIPResponse sipResponse) {
                // Over a stream the answer goes back on the same connection, whatever the Via claims.
                channel.sendMessage(sipResponse);
            } else {
                provider.sendResponse(response);
            }
        } catch (SipException | ParseException | InvalidArgumentException | IOException | RuntimeException e) {
            LOG.debug("Could not answer {} with {}: {}", request.getMethod(), status, e.toString(), e);
        }
    }

    /** Answers within a server transaction. */
    void respond(ServerTransaction transaction, int status, @Nullable String reason) {
        try {
            transaction.sendResponse(response(transaction.getRequest(), status, reason, null));
        } catch (SipException | ParseException | InvalidArgumentException | RuntimeException e) {
            LOG.debug("Could not answer {} with {}: {}", transaction.getRequest().getMethod(), status, e.toString());
        }
    }

    Response response(Request request, int status, @Nullable String reason, @Nullable Decoration decoration)
            throws ParseException, InvalidArgumentException {
        Response response = messages.createResponse(status, request);
        if (reason != null) {
            response.setReasonPhrase(reason);
        }
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (status > 100 && to != null && to.getTag() == null) {
            to.setTag(Long.toHexString(ThreadLocalRandom.current().nextLong()));
        }
        response.setHeader(headers.createServerHeader(java.util.List.of(SERVER)));
        if (decoration != null) {
            decoration.decorate(response);
        }
        return response;
    }

    /** Cancels an INVITE sent by this proxy; the answers to the CANCEL concern only this proxy. */
    void cancel(ClientTransaction invite) throws SipException {
        ClientTransaction ct = provider.getNewClientTransaction(invite.createCancel());
        ct.setApplicationData(ProxiedRequest.OWN_CANCEL);
        ct.sendRequest();
    }

    /** @return whether a URI names this proxy (its domain, one of its addresses) rather than somewhere else */
    boolean isLocal(URI uri) {
        return uri instanceof SipURI sip && isLocalHost(sip.getHost(), sip.getPort());
    }

    boolean isLocalHost(@Nullable String host, int uriPort) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        h = h.toLowerCase(java.util.Locale.ROOT);
        if (h.equals(domain)) {
            return true;
        }
        return localNames.contains(h) && (uriPort <= 0 || uriPort == port);
    }
}
