// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.internal;

import java.util.concurrent.CopyOnWriteArrayList;

import javax.sip.ServerTransaction;
import javax.sip.header.CallIdHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.sip.MessageSummary;
import org.sohosip.sip.MessageWaitingListener;
import org.sohosip.sip.SipMessageWaiting;
import org.sohosip.sip.SipSubscription;
import org.sohosip.sip.SubscriptionOptions;

/**
 * Message waiting for one agent: owns the subscription and reads every {@code message-summary} NOTIFY. Unsolicited
 * NOTIFYs are accepted on purpose (RFC 3842 section 3 allows them, and the server sends them to registered
 * phones that never subscribed). Requests are handled on the agent's worker thread.
 */
final class MessageWaitingImpl implements SipMessageWaiting {

    private static final Logger LOG = LoggerFactory.getLogger(MessageWaitingImpl.class);

    private final UserAgentImpl ua;
    private final CopyOnWriteArrayList<MessageWaitingListener> listeners = new CopyOnWriteArrayList<>();
    private volatile MessageSummary current = MessageSummary.NONE;
    private @Nullable MwiSubscription subscription;

    MessageWaitingImpl(UserAgentImpl ua) {
        this.ua = ua;
    }

    @Override
    public synchronized SipSubscription subscribe(SubscriptionOptions options) {
        MwiSubscription old = subscription;
        if (old != null) {
            old.close();
        }
        MwiSubscription s = new MwiSubscription(ua, options);
        subscription = s;
        ua.onWorker(s::start);
        return s;
    }

    @Override
    public MessageSummary current() {
        return current;
    }

    @Override
    public void addListener(MessageWaitingListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(MessageWaitingListener listener) {
        listeners.remove(listener);
    }

    /** @return the live subscription, for closing with the agent */
    synchronized @Nullable MwiSubscription subscription() {
        return subscription;
    }

    /** Answers a NOTIFY: 489 for other event packages, 400 for a body that is no summary, else 200. */
    void onNotify(Request req, @Nullable ServerTransaction st) {
        EventHeader event = (EventHeader) req.getHeader(EventHeader.NAME);
        if (event == null || !MwiSubscription.EVENT.equalsIgnoreCase(event.getEventType())) {
            ua.respond(st, req, Response.BAD_EVENT);
            return;
        }
        String body = SipMessages.body(req);
        MessageSummary summary = null;
        if (!body.isBlank()) {
            summary = MessageSummary.parse(body).orElse(null);
            if (summary == null) {
                LOG.info("NOTIFY with a body that is no message summary ignored");
                ua.respond(st, req, Response.BAD_REQUEST);
                return;
            }
        }
        ua.respond(st, req, Response.OK);
        String callId = ((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId();
        MwiSubscription s = subscription();
        if (s != null && s.owns(callId) && req.getHeader(SubscriptionStateHeader.NAME) instanceof SubscriptionStateHeader h
                && SubscriptionStateHeader.TERMINATED.equalsIgnoreCase(h.getState())) {
            s.notifierEnded(h);
        }
        if (summary != null) {
            MessageSummary told = summary;
            current = told;
            for (MessageWaitingListener l : listeners) {
                ua.tell(() -> l.messageWaitingChanged(told));
            }
        }
    }
}
