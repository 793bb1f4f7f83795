// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import javax.sip.ListeningPoint;
import javax.sip.SipStack;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.nist.javax.sip.ListeningPointImpl;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.header.RetryAfter;
import gov.nist.javax.sip.header.Server;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * Load shedding: when more received datagrams wait for a worker than {@code sip.maxQueue}, a new call (INVITE) or
 * registration (REGISTER) is answered at once with 503 and {@code Retry-After}, before any transaction, lookup or
 * digest work is spent on it. Everything else (ACK, BYE, CANCEL, responses, requests within a dialog) still goes
 * through, so the calls already in progress finish while the queue drains. Without this the proxy fell behind:
 * answers came later than the phones' retransmission timers, every retransmission added to the queue, and the
 * proxy ended up working only on requests the phones had given up on.
 * <p>
 * The stack creates the valve by name (stack property {@value #PROPERTY}) and reads its limits from the stack
 * properties {@value #MAX_QUEUE} and {@value #RETRY_AFTER}.
 */
public final class OverloadValve implements SIPMessageValve {

    static final String PROPERTY = "gov.nist.javax.sip.SIP_MESSAGE_VALVE";
    static final String MAX_QUEUE = "org.sohosip.sip.maxQueue";
    static final String RETRY_AFTER = "org.sohosip.sip.retryAfterSeconds";
    private static final Logger LOG = LoggerFactory.getLogger(OverloadValve.class);
    private static final long LOG_EVERY_MILLIS = 10_000;

    private int maxQueue;
    private int retryAfterSeconds = 5;
    private @Nullable SipStack stack;
    private volatile @Nullable IntSupplier queued;
    private final AtomicLong shed = new AtomicLong();
    private final AtomicLong lastLog = new AtomicLong();

    @Override
    public void init(SipStack sipStack) {
        stack = sipStack;
        if (sipStack instanceof SipStackImpl impl) {
            maxQueue = Integer.parseInt(impl.getConfigurationProperties().getProperty(MAX_QUEUE, "0").strip());
            retryAfterSeconds = Integer.parseInt(
                    impl.getConfigurationProperties().getProperty(RETRY_AFTER, "5").strip());
        }
    }

    /** For tests: the limit and what it is compared with. */
    void configure(int limit, int retryAfter, IntSupplier queueSize) {
        maxQueue = limit;
        retryAfterSeconds = retryAfter;
        queued = queueSize;
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        if (!shouldShed(request) || isRetransmission(request)) {
            return true;
        }
        long total = shed.incrementAndGet();
        long now = System.currentTimeMillis();
        long last = lastLog.get();
        if (now - last >= LOG_EVERY_MILLIS && lastLog.compareAndSet(last, now)) {
            LOG.warn("SIP proxy overloaded ({} messages waiting, limit sip.maxQueue={}): new calls and registrations "
                    + "are answered 503 (Retry-After {} s); {} refused so far", queueSize(), maxQueue,
                    retryAfterSeconds, total);
        }
        try {
            SIPResponse response = refusal(request);
            if (channel.isReliable()) {
                channel.sendMessage(response);
            } else {
                channel.sendMessage(response, channel.getPeerPacketSourceAddress(),
                        channel.getPeerPacketSourcePort());
            }
        } catch (IOException | RuntimeException | java.text.ParseException e) {
            LOG.debug("Could not answer 503 to {}: {}", request.getMethod(), e.toString());
        }
        return false;
    }

    /** @return whether this request is a new INVITE or a REGISTER that arrives while the queue is over the limit */
    boolean shouldShed(Request request) {
        if (maxQueue <= 0) {
            return false;
        }
        String method = request.getMethod();
        if (!Request.INVITE.equals(method) && !Request.REGISTER.equals(method)) {
            return false;
        }
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        if (to != null && to.getTag() != null) {
            return false; // a re-INVITE belongs to a call in progress
        }
        return queueSize() > maxQueue;
    }

    /** A retransmission of a request already in a transaction goes on: that request is being served. */
    private boolean isRetransmission(SIPRequest request) {
        return stack instanceof SIPTransactionStack transactions && transactions.findTransaction(request, true) != null;
    }

    SIPResponse refusal(SIPRequest request) throws java.text.ParseException {
        SIPResponse response = request.createResponse(Response.SERVICE_UNAVAILABLE, "Overloaded, try again later");
        if (response.getTo() != null && response.getTo().getTag() == null) {
            response.getTo().setTag(Long.toHexString(ThreadLocalRandom.current().nextLong()));
        }
        RetryAfter retry = new RetryAfter();
        try {
            retry.setRetryAfter(retryAfterSeconds);
        } catch (javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        response.setHeader(retry);
        Server server = new Server();
        server.addProductToken(Sip.SERVER);
        response.setHeader(server);
        return response;
    }

    private int queueSize() {
        IntSupplier q = queued;
        if (q == null) {
            q = findQueue();
            if (q == null) {
                return 0; // the UDP transport is not there yet: nothing waits
            }
            queued = q;
        }
        return q.getAsInt();
    }

    /** @return the size of the UDP transport's queue, or {@code null} while there is none */
    private @Nullable IntSupplier findQueue() {
        SipStack s = stack;
        if (s != null) {
            for (Iterator<?> it = s.getListeningPoints(); it.hasNext();) {
                ListeningPoint lp = (ListeningPoint) it.next();
                if (ListeningPoint.UDP.equalsIgnoreCase(lp.getTransport()) && lp instanceof ListeningPointImpl impl) {
                    CallOrderedQueue queue = OrderedUdpProcessorFactory.queueOf(impl.getMessageProcessor());
                    return queue::size;
                }
            }
        }
        return null;
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public void destroy() {
        queued = null;
    }
}
