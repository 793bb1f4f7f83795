// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageProcessor;

/**
 * Makes the stack's UDP transport hand datagrams to its workers through a {@link CallOrderedQueue}, so that the
 * messages of one call are handled in order by one worker; other transports are the stack's own. The stack creates
 * this factory by name (stack property {@code gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY}).
 */
public final class OrderedUdpProcessorFactory implements MessageProcessorFactory {

    /** The stack property that names this factory. */
    static final String PROPERTY = "gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY";

    /**
     * Datagrams that may wait when load shedding is off. Each holds a buffer of the largest message size (17 KiB by
     * default), so this is about 70 MB.
     */
    static final int HARD_LIMIT = 4_000;

    private final MessageProcessorFactory standard = new OIOMessageProcessorFactory();

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port,
            String transport) throws IOException {
        if (!"udp".equalsIgnoreCase(transport)) {
            return standard.createMessageProcessor(stack, address, port, transport);
        }
        int workers = 1;
        int maxQueue = 0;
        if (stack instanceof SipStackImpl impl) {
            workers = Integer.parseInt(impl.getConfigurationProperties()
                    .getProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "1").strip());
            maxQueue = Integer.parseInt(impl.getConfigurationProperties()
                    .getProperty(OverloadValve.MAX_QUEUE, "0").strip());
        }
        // Load shedding keeps the queue near sip.maxQueue; the hard bound only stops what shedding cannot (floods
        // of messages that are not new calls or registrations).
        int capacity = maxQueue > 0 ? (int) Math.min(Integer.MAX_VALUE, 8L * maxQueue) : HARD_LIMIT;
        Ordered processor = new Ordered(address, stack, port, workers, capacity);
        sendFromListeningSocket(stack);
        return processor;
    }

    /**
     * The stack's own factory also sets the stack's package-private {@code udpFlag}, which makes every UDP message go
     * out from the listening socket. Without it each request leaves from a new ephemeral port, and a phone that
     * answers to the packet's source (as SIPp and many others do) answers into the void.
     */
    private static void sendFromListeningSocket(SIPTransactionStack stack) throws IOException {
        try {
            Field flag = SIPTransactionStack.class.getDeclaredField("udpFlag");
            flag.setAccessible(true);
            flag.setBoolean(stack, true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("This JAIN-SIP version cannot send UDP from the listening socket: " + e, e);
        }
    }

    /** @return the ordered queue of a UDP transport this factory made, if it made it */
    static CallOrderedQueue queueOf(MessageProcessor processor) {
        if (processor instanceof Ordered ordered) {
            return ordered.queue;
        }
        throw new IllegalStateException("The UDP transport was not made by " + OrderedUdpProcessorFactory.class);
    }

    /** The stack's UDP transport with the queue replaced before its reader and workers start. */
    private static final class Ordered extends UDPMessageProcessor {
        final CallOrderedQueue queue;

        Ordered(InetAddress address, SIPTransactionStack stack, int port, int workers, int capacity)
                throws IOException {
            super(address, stack, port);
            queue = new CallOrderedQueue(workers, capacity);
            messageQueue = queue;
        }
    }
}
