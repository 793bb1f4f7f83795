// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.Nullable;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;

/**
 * The queue between the UDP socket reader and the SIP worker threads, split into one lane per worker: every datagram
 * of one call (same Call-ID) goes to the same lane and so is handled by the same worker, in the order it arrived.
 * With one shared queue a 180 could overtake the 200 of the same call, or a BYE its ACK, whenever two workers took
 * them at once. Each worker takes only from its own lane (assigned the first time it takes).
 * <p>
 * Also the proxy's measure of how far behind it is: {@link #size()} counts every datagram received and not yet taken
 * by a worker, which is what load shedding compares with {@code sip.maxQueue}. Past a hard bound (well above that
 * limit) datagrams are dropped on arrival, as the kernel would drop them: the senders retransmit, and a flood cannot
 * fill the heap.
 */
final class CallOrderedQueue extends AbstractQueue<DatagramQueuedMessageDispatch>
        implements BlockingQueue<DatagramQueuedMessageDispatch> {

    private final LinkedBlockingQueue<DatagramQueuedMessageDispatch>[] lanes;
    private final int capacity;
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger nextLane = new AtomicInteger();
    private final ThreadLocal<@Nullable Integer> laneOfThread = new ThreadLocal<>();

    @SuppressWarnings("unchecked")
    CallOrderedQueue(int lanes, int capacity) {
        this.capacity = capacity;
        this.lanes = new LinkedBlockingQueue[Math.max(1, lanes)];
        for (int i = 0; i < this.lanes.length; i++) {
            this.lanes[i] = new LinkedBlockingQueue<>();
        }
    }

    /** @return datagrams dropped on arrival because the queue was full */
    int dropped() {
        return dropped.get();
    }

    @Override
    public boolean offer(DatagramQueuedMessageDispatch e) {
        var packet = e.packet;
        int hash = CallIds.hash(packet.getData(), packet.getOffset(), packet.getLength());
        if (hash == 0) {
            // no Call-ID found (garbage, keep-alive): any lane will do, keep one sender's datagrams together
            hash = packet.getSocketAddress().hashCode();
        }
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            dropped.incrementAndGet();
            return false;
        }
        lanes[Math.floorMod(hash, lanes.length)].add(e);
        return true;
    }

    @Override
    public void put(DatagramQueuedMessageDispatch e) {
        offer(e); // never blocks the socket reader: a full queue drops
    }

    @Override
    public boolean offer(DatagramQueuedMessageDispatch e, long timeout, TimeUnit unit) {
        return offer(e);
    }

    @Override
    public DatagramQueuedMessageDispatch take() throws InterruptedException {
        DatagramQueuedMessageDispatch e = ownLane().take();
        size.decrementAndGet();
        return e;
    }

    @Override
    public @Nullable DatagramQueuedMessageDispatch poll(long timeout, TimeUnit unit) throws InterruptedException {
        DatagramQueuedMessageDispatch e = ownLane().poll(timeout, unit);
        if (e != null) {
            size.decrementAndGet();
        }
        return e;
    }

    @Override
    public @Nullable DatagramQueuedMessageDispatch poll() {
        DatagramQueuedMessageDispatch e = ownLane().poll();
        if (e != null) {
            size.decrementAndGet();
        }
        return e;
    }

    @Override
    public @Nullable DatagramQueuedMessageDispatch peek() {
        return ownLane().peek();
    }

    private LinkedBlockingQueue<DatagramQueuedMessageDispatch> ownLane() {
        Integer lane = laneOfThread.get();
        if (lane == null) {
            lane = Math.floorMod(nextLane.getAndIncrement(), lanes.length);
            laneOfThread.set(lane);
        }
        return lanes[lane];
    }

    /** Datagrams received and not yet taken by a worker, over all lanes. */
    @Override
    public int size() {
        return Math.max(0, size.get());
    }

    @Override
    public int remainingCapacity() {
        return Math.max(0, capacity - size());
    }

    @Override
    public int drainTo(Collection<? super DatagramQueuedMessageDispatch> c) {
        return drainTo(c, Integer.MAX_VALUE);
    }

    @Override
    public int drainTo(Collection<? super DatagramQueuedMessageDispatch> c, int maxElements) {
        int n = ownLane().drainTo(c, maxElements);
        size.addAndGet(-n);
        return n;
    }

    /** Not used by the stack; the lanes are not meant to be walked. */
    @Override
    public Iterator<DatagramQueuedMessageDispatch> iterator() {
        return Collections.emptyIterator();
    }
}
