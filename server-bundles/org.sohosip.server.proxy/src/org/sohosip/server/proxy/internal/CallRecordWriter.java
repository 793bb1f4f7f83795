// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.CallRecord;
import org.sohosip.server.store.CallRecordStore;

/**
 * Write-behind for call records: the SIP threads only queue a finished record; one background thread takes whatever
 * has queued up (up to {@link #BATCH} records) and stores it in one transaction, so a busy proxy pays one database
 * commit for many calls instead of one each. {@link #close()} writes everything still queued before it returns, so
 * a clean shutdown loses no record; a crash loses the records queued but not yet committed (normally well under a
 * second of calls) and the calls still in progress.
 */
final class CallRecordWriter implements AutoCloseable {

    static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(CallRecordWriter.class);
    private static final long CLOSE_WAIT_SECONDS = 60;

    private final CallRecordStore store;
    private final LinkedBlockingQueue<CallRecord> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closing;

    CallRecordWriter(CallRecordStore store) {
        this.store = store;
        this.thread = new Thread(this::run, "sohosip-call-records");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a record; never blocks the caller. */
    void write(CallRecord record) {
        queue.add(record);
        if (closing) {
            LOG.debug("Call record of {} queued while stopping", record.callId());
        }
    }

    /** @return records queued and not yet stored */
    int pending() {
        return queue.size();
    }

    private void run() {
        List<CallRecord> batch = new ArrayList<>(BATCH);
        while (true) {
            try {
                CallRecord first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                store(batch);
                batch.clear();
            } catch (InterruptedException e) {
                // close() waits for the queue to drain; an interrupt only comes from a framework shutting down hard
                batch.clear();
                queue.drainTo(batch);
                store(batch);
                return;
            }
        }
    }

    private void store(List<CallRecord> batch) {
        try {
            store.recordAll(List.copyOf(batch));
        } catch (RuntimeException e) {
            // One bad record must not cost the others: store them one by one, reporting only those that fail.
            LOG.warn("Could not store {} call records together ({}); storing them one by one", batch.size(),
                    e.getMessage());
            for (CallRecord r : batch) {
                try {
                    store.record(r);
                } catch (RuntimeException single) {
                    LOG.error("Could not store the record of call {} from {} to {}: {}", r.callId(), r.caller(),
                            r.callee(), single.getMessage(), single);
                }
            }
        }
    }

    /** Stores everything queued so far, then stops the writer thread. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive() || !queue.isEmpty()) {
            LOG.error("{} call records could not be stored before the proxy stopped", queue.size());
        }
    }
}
