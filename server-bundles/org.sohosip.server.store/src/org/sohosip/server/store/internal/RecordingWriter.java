// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.persistence.PersistenceException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.api.VoicemailMessage;

/**
 * Writes the audio of every open recording. One thread does all voicemail audio writes: every
 * {@value #PERIOD_MILLIS} ms it commits the pieces of all open recordings in one transaction, so a hundred callers
 * cost two commits a second rather than a hundred, and a crash loses at most the last half second of each. Finishing
 * and discarding run on the same thread, after any write of the same recording that is under way.
 */
final class RecordingWriter implements AutoCloseable {

    static final long PERIOD_MILLIS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(RecordingWriter.class);

    private final Transactions transactions;
    private final VoicemailEvents events;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "voicemail-writer");
        t.setDaemon(true);
        return t;
    });
    private final Set<OpenRecording> open = ConcurrentHashMap.newKeySet();
    private final Object inserts = new Object();
    private static final int START_ATTEMPTS = 4;

    RecordingWriter(Transactions transactions, VoicemailEvents events) {
        this.transactions = transactions;
        this.events = events;
        thread.scheduleWithFixedDelay(this::flushQuietly, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Writes the (incomplete) message row and returns the recording that fills it. Callers who reach the beep
     * together start together: their inserts go one at a time, because Derby's identity generator may answer
     * concurrent inserts into one table with a lock time-out (40XL1, "too much contention" on the id sequence)
     * instead of waiting; in the benchmark one of ten callers starting at once lost the call to it. A time-out or
     * deadlock that still happens is tried again with a fresh row, a few times.
     *
     * @param draft makes the row to insert (called again for a retry)
     */
    OpenRecording start(Supplier<VoicemailMessageEntity> draft) {
        long id;
        synchronized (inserts) {
            id = insertRetrying(draft, START_ATTEMPTS);
        }
        OpenRecording recording = new OpenRecording(id, this);
        open.add(recording);
        return recording;
    }

    private long insertRetrying(Supplier<VoicemailMessageEntity> draft, int attempts) {
        for (int attempt = 1;; attempt++) {
            try {
                return transactions.run(em -> {
                    VoicemailMessageEntity row = draft.get();
                    em.persist(row);
                    em.flush();
                    return row.id();
                });
            } catch (PersistenceException e) {
                if (attempt >= attempts || !isLockConflict(e)) {
                    throw e;
                }
                LOG.info("Starting a recording met a lock conflict (attempt {}), trying again: {}", attempt,
                        String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        }
    }

    /** @return whether a SQL state of class 40 (transaction rollback: deadlock, lock time-out) caused it */
    static boolean isLockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    /** @return the message ids of the recordings under way */
    Set<Long> openIds() {
        return open.stream().map(OpenRecording::messageId).collect(Collectors.toSet());
    }

    /** Runs {@code task} on the writer thread at {@code period} intervals (purging old messages). */
    void every(Duration period, Runnable task) {
        thread.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("Voicemail housekeeping failed: {}", e.toString(), e);
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    VoicemailMessage finish(OpenRecording recording) {
        VoicemailMessage message = call(() -> {
            List<VoicemailChunkEntity> pieces = recording.cutPending();
            long bytes = recording.cutBytes();
            VoicemailMessage done = transactions.run(em -> {
                pieces.forEach(em::persist);
                VoicemailMessageEntity row = em.find(VoicemailMessageEntity.class, recording.messageId());
                if (row == null) {
                    throw new IllegalStateException("Message " + recording.messageId() + " is gone");
                }
                row.complete(bytes);
                if (recording.urgent()) {
                    row.markUrgent();
                }
                return row.toMessage(VoicemailQueries.username(em, row.accountId()));
            });
            recording.committed(pieces);
            open.remove(recording);
            return done;
        });
        events.deposited(message);
        return message;
    }

    void discard(OpenRecording recording) {
        call(() -> {
            open.remove(recording);
            transactions.run(em -> {
                VoicemailMessageEntity row = em.find(VoicemailMessageEntity.class, recording.messageId());
                if (row != null) {
                    em.remove(row); // the audio goes with it (ON DELETE CASCADE)
                }
                return null;
            });
            return null;
        });
    }

    /** Commits the pieces every open recording has buffered. */
    void flush() {
        Map<OpenRecording, List<VoicemailChunkEntity>> batch = new HashMap<>();
        List<VoicemailChunkEntity> all = new ArrayList<>();
        for (OpenRecording recording : open) {
            List<VoicemailChunkEntity> pieces = recording.cutPending();
            if (!pieces.isEmpty()) {
                batch.put(recording, pieces);
                all.addAll(pieces);
            }
        }
        if (all.isEmpty()) {
            return;
        }
        transactions.run(em -> {
            all.forEach(em::persist);
            return null;
        });
        batch.forEach(OpenRecording::committed);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // The pieces stay buffered and go with the next write; the recording itself carries on.
            LOG.warn("Voicemail audio could not be written, retrying: {}", e.toString(), e);
        }
    }

    private <T> T call(Callable<T> task) {
        try {
            return thread.submit(task).get();
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("The voicemail store has stopped", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing voicemail", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Writes what the open recordings have buffered and stops; their messages are closed at the next start. */
    @Override
    public void close() {
        try {
            thread.submit(this::flushQuietly);
        } catch (RejectedExecutionException e) {
            return; // already closed
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("The voicemail writer did not stop within 10 s");
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!open.isEmpty()) {
            LOG.info("{} voicemail recording(s) left open; they are closed when the store starts again",
                    open.size());
        }
    }
}
