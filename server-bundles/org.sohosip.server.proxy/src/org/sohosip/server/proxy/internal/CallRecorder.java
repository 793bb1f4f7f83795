// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.CallDisposition;
import org.sohosip.core.CallRecord;
import org.sohosip.server.store.CallRecordStore;

/**
 * Keeps call detail records: an attempt starts when an authenticated INVITE reaches the proxy, an answered call
 * ends with the BYE of either side, any other attempt ends with its final response. Records are written on a
 * single background thread, so a slow database never holds up SIP.
 */
final class CallRecorder {

    /** One call attempt while it is in progress. */
    static final class Attempt {
        final String callId;
        final String caller;
        final @Nullable String callerName;
        final String callee;
        final String dialled;
        final Instant start;
        volatile @Nullable Instant answer;

        Attempt(String callId, String caller, @Nullable String callerName, String callee, String dialled,
                Instant start) {
            this.callId = callId;
            this.caller = caller;
            this.callerName = callerName;
            this.callee = callee;
            this.dialled = dialled;
            this.start = start;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(CallRecorder.class);

    private final CallRecordStore store;
    private final ExecutorService writer;
    private final LongSupplier clock;
    /** Answered calls by Call-ID, until their BYE. */
    private final ConcurrentMap<String, Attempt> talking = new ConcurrentHashMap<>();
    /** Told the Call-ID of every call that ends (the count of outside calls in progress follows it). */
    private volatile java.util.function.Consumer<String> endListener = callId -> {
    };

    CallRecorder(CallRecordStore store, ExecutorService writer, LongSupplier clock) {
        this.store = store;
        this.writer = writer;
        this.clock = clock;
    }

    Attempt start(String callId, String caller, @Nullable String callerName, String callee, String dialled) {
        return new Attempt(callId, caller, callerName, callee, dialled, now());
    }

    /** The callee answered: the record waits for the BYE. */
    void answered(Attempt attempt) {
        if (attempt.answer == null) {
            attempt.answer = now();
            talking.put(attempt.callId, attempt);
        }
    }

    /** The attempt ended without an answer. */
    void ended(Attempt attempt, CallDisposition disposition) {
        write(attempt, disposition);
    }

    /** A BYE of a dialog went through the proxy. */
    void bye(String callId) {
        Attempt attempt = talking.remove(callId);
        if (attempt != null) {
            write(attempt, CallDisposition.ANSWERED);
        }
    }

    /** On shutdown: calls still in progress end now, so their records are not lost. */
    void endAll() {
        List<Attempt> open = new ArrayList<>(talking.values());
        talking.clear();
        open.forEach(a -> write(a, CallDisposition.ANSWERED));
    }

    /** @param listener told the Call-ID of every call as it ends */
    void onEnded(java.util.function.Consumer<String> listener) {
        endListener = listener;
    }

    private void write(Attempt a, CallDisposition disposition) {
        endListener.accept(a.callId);
        CallRecord record = new CallRecord(0, a.callId, a.caller, a.callerName, a.callee, a.dialled, a.start, a.answer,
                now(), disposition);
        try {
            writer.execute(() -> {
                try {
                    store.record(record);
                } catch (RuntimeException e) {
                    LOG.error("Could not store the record of call {} from {} to {}: {}", a.callId, a.caller, a.callee,
                            e.getMessage(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("Call record of {} not stored: the proxy is stopping", a.callId);
        }
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.getAsLong());
    }
}
