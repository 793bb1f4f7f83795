// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;

class CallOrderedQueueTest {

    private static DatagramQueuedMessageDispatch datagram(String callId, int seq) {
        byte[] b = ("SIP/2.0 180 Ringing\r\nCall-ID: " + callId + "\r\nCSeq: " + seq + " INVITE\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        DatagramPacket p = new DatagramPacket(b, b.length, new InetSocketAddress("127.0.0.1", 5062));
        return new DatagramQueuedMessageDispatch(p, System.currentTimeMillis());
    }

    private static String text(DatagramQueuedMessageDispatch d) {
        return new String(d.packet.getData(), 0, d.packet.getLength(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void everyMessageOfACallIsTakenByOneWorkerInArrivalOrder() throws Exception {
        int workers = 4;
        CallOrderedQueue queue = new CallOrderedQueue(workers, 100_000);
        int calls = 200;
        int perCall = 5;
        for (int seq = 1; seq <= perCall; seq++) {
            for (int c = 0; c < calls; c++) {
                assertTrue(queue.offer(datagram("call-" + c, seq)));
            }
        }
        assertEquals(calls * perCall, queue.size());
        Map<String, List<String>> seen = Collections.synchronizedMap(new HashMap<>());
        CountDownLatch done = new CountDownLatch(calls * perCall);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            String name = "worker-" + w;
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        DatagramQueuedMessageDispatch d = queue.take();
                        String m = text(d);
                        String callId = m.substring(m.indexOf("Call-ID: ") + 9, m.indexOf("\r\nCSeq"));
                        String seq = m.substring(m.indexOf("CSeq: ") + 6, m.indexOf(" INVITE"));
                        seen.computeIfAbsent(callId, k -> Collections.synchronizedList(new ArrayList<>()))
                                .add(name + ":" + seq);
                        done.countDown();
                    }
                } catch (InterruptedException e) {
                    // finished
                }
            }, name);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        assertTrue(done.await(30, TimeUnit.SECONDS), "every datagram was taken");
        threads.forEach(Thread::interrupt);
        assertEquals(0, queue.size());
        assertEquals(calls, seen.size());
        for (Map.Entry<String, List<String>> e : seen.entrySet()) {
            List<String> got = e.getValue();
            String worker = got.get(0).split(":")[0];
            for (int i = 0; i < perCall; i++) {
                assertEquals(worker + ":" + (i + 1), got.get(i), e.getKey() + " was handled out of order: " + got);
            }
        }
    }

    @Test
    void aFullQueueDropsOnArrivalInsteadOfGrowing() {
        CallOrderedQueue queue = new CallOrderedQueue(2, 10);
        for (int i = 0; i < 10; i++) {
            assertTrue(queue.offer(datagram("c" + i, 1)));
        }
        assertFalse(queue.offer(datagram("one-too-many", 1)));
        assertEquals(10, queue.size());
        assertEquals(1, queue.dropped());
        assertEquals(0, queue.remainingCapacity());
    }
}
