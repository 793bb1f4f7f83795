// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.util.function.Consumer;

import javax.sip.SipStack;
import javax.sip.message.Response;

import gov.nist.javax.sip.SIPConstants;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * Relays the responses the proxy holds no client transaction for (the 200 answering a BYE it relayed statelessly,
 * a callee's retransmitted 200 after the INVITE transaction ended) before the stack sees them. For such a response
 * the stack walks every client transaction it holds, comparing each with the response, and only then hands it on
 * without one: at a few hundred calls a second that walk took a fifth of the SIP workers' time. An RFC 3261 branch
 * (magic cookie) is a transaction's key, so looking the key up once is the whole answer; responses with an older
 * style branch still go the stack's way.
 */
final class StrayResponses implements SIPMessageValve {

    private final SIPTransactionStack stack;
    private final Consumer<Response> relay;

    /** @param relay takes a response no client transaction holds (relays it statelessly, or a click-to-call takes it) */
    StrayResponses(SIPTransactionStack stack, Consumer<Response> relay) {
        this.stack = stack;
        this.relay = relay;
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        if (!(response instanceof SIPResponse sip)) {
            return true;
        }
        String key = sip.getTransactionId();
        if (key == null || !key.startsWith(SIPConstants.BRANCH_MAGIC_COOKIE_LOWER_CASE)
                || stack.findTransaction(key, false) != null) {
            return true;
        }
        relay.accept(response);
        return false;
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        return true;
    }

    @Override
    public void init(SipStack sipStack) {
        // made by the proxy component, not by the stack
    }

    @Override
    public void destroy() {
        // nothing held
    }
}
