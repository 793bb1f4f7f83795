// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.sohosip.core.CallDisposition;
import org.sohosip.core.CallRecord;
import org.sohosip.server.store.CallQuery;
import org.sohosip.server.store.CallRecordStore;

class CallRecordWriterTest {

    /** A store that keeps records in memory, counts transactions and can be held up or made to fail. */
    private static final class MemoryStore implements CallRecordStore {
        final List<CallRecord> stored = new ArrayList<>();
        final List<Integer> batches = new ArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean hold;
        volatile String poison = "";

        @Override
        public synchronized CallRecord record(CallRecord finished) {
            if (finished.callId().equals(poison)) {
                throw new IllegalStateException("constraint violated");
            }
            stored.add(finished);
            batches.add(1);
            return finished;
        }

        @Override
        public void recordAll(List<CallRecord> finished) {
            if (hold) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            synchronized (this) {
                if (finished.stream().anyMatch(r -> r.callId().equals(poison))) {
                    throw new IllegalStateException("constraint violated");
                }
                stored.addAll(finished);
                batches.add(finished.size());
            }
        }

        @Override
        public List<CallRecord> find(CallQuery query) {
            return List.of();
        }

        @Override
        public synchronized java.util.Optional<CallRecord> findByCallId(String callId) {
            return stored.stream().filter(r -> r.callId().equals(callId)).reduce((first, last) -> last);
        }
    }

    private static CallRecord call(int i) {
        Instant t = Instant.parse("2026-11-26T10:00:00Z").plusSeconds(i);
        return new CallRecord(0, "call-" + i, "alice", "Alice", "bob", "bob", t, t, t.plusSeconds(5),
                CallDisposition.ANSWERED);
    }

    @Test
    void recordsThatQueueUpWhileTheDatabaseIsBusyAreStoredTogether() {
        MemoryStore store = new MemoryStore();
        store.hold = true;
        CallRecordWriter writer = new CallRecordWriter(store);
        for (int i = 0; i < 1_201; i++) {
            writer.write(call(i));
        }
        store.release.countDown();
        writer.close();
        synchronized (store) {
            assertEquals(1_201, store.stored.size(), "every record is stored before close() returns");
            assertTrue(store.batches.size() <= 4, "one transaction per batch, not per call: " + store.batches);
            assertTrue(store.batches.stream().allMatch(n -> n <= CallRecordWriter.BATCH), store.batches.toString());
            assertEquals("call-0", store.stored.get(0).callId(), "in the order the calls ended");
            assertEquals("call-1200", store.stored.get(1_200).callId());
        }
    }

    @Test
    void aRecordTheDatabaseRefusesDoesNotCostTheOthers() {
        MemoryStore store = new MemoryStore();
        store.poison = "call-3";
        store.hold = true;
        CallRecordWriter writer = new CallRecordWriter(store);
        for (int i = 0; i < 10; i++) {
            writer.write(call(i));
        }
        store.release.countDown();
        writer.close();
        synchronized (store) {
            assertEquals(9, store.stored.size());
            assertTrue(store.stored.stream().noneMatch(r -> r.callId().equals("call-3")));
        }
    }
}
