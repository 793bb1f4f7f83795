// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.api.MailboxSettings;
import org.sohosip.core.api.VoicemailCounts;
import org.sohosip.core.api.VoicemailMessage;
import org.sohosip.server.store.VoicemailListener;
import org.sohosip.server.store.VoicemailStore;

/**
 * Tells the {@link VoicemailListener}s about committed changes, on a thread of its own and in commit order, so that
 * neither a recording nor an API request waits for a message-waiting NOTIFY or an SMS. The counts are read when the
 * listeners are told, so they are never older than the change.
 */
final class VoicemailEvents implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VoicemailEvents.class);

    private final Supplier<VoicemailListener[]> listeners;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "voicemail-events");
        t.setDaemon(true);
        return t;
    });
    private volatile @Nullable VoicemailStore store;
    private final int defaultNoAnswerSeconds;

    VoicemailEvents(Supplier<VoicemailListener[]> listeners, int defaultNoAnswerSeconds) {
        this.listeners = listeners;
        this.defaultNoAnswerSeconds = defaultNoAnswerSeconds;
    }

    /** Names the store whose counts and settings the events carry. */
    void attach(VoicemailStore source) {
        store = source;
    }

    void changed(long accountId, String username) {
        post(() -> {
            VoicemailCounts counts = source().counts(accountId);
            each(l -> l.mailboxChanged(accountId, username, counts));
        });
    }

    void deposited(VoicemailMessage message) {
        post(() -> {
            VoicemailStore source = source();
            MailboxSettings settings = source.settings(message.mailboxAccountId(), defaultNoAnswerSeconds);
            VoicemailCounts counts = source.counts(message.mailboxAccountId());
            each(l -> l.messageDeposited(message, settings));
            each(l -> l.mailboxChanged(message.mailboxAccountId(), message.mailbox(), counts));
        });
    }

    private VoicemailStore source() {
        VoicemailStore source = store;
        if (source == null) {
            throw new IllegalStateException("no store attached");
        }
        return source;
    }

    private void post(Runnable event) {
        try {
            thread.execute(() -> {
                try {
                    event.run();
                } catch (RuntimeException e) {
                    LOG.warn("Voicemail listeners could not be told of a change: {}", e.toString(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Store stopping: a voicemail change is not told");
        }
    }

    private void each(Consumer<VoicemailListener> call) {
        for (VoicemailListener listener : listeners.get()) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("A voicemail listener failed: {}", e.toString(), e);
            }
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
