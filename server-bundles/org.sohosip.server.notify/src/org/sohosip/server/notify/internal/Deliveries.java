// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.server.notify.Notification;
import org.sohosip.server.notify.NotificationException;
import org.sohosip.server.notify.Notifier;

/**
 * Sends notices on its own threads and retries failures after the configured pauses (by default 5 s, 30 s, 2 min,
 * 10 min), then gives up with an ERROR naming the mailbox and channel. The caller never waits: a slow or dead
 * SMSC or mail server cannot hold up the voicemail that triggered the notice.
 */
final class Deliveries {

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    private final ScheduledExecutorService executor;
    private final List<Duration> retryDelays;

    Deliveries(ScheduledExecutorService executor, List<Duration> retryDelays) {
        this.executor = executor;
        this.retryDelays = List.copyOf(retryDelays);
    }

    /** Sends a notice soon; returns at once. */
    void submit(Notifier notifier, Notification notice) {
        schedule(notifier, notice, 1, Duration.ZERO);
    }

    private void schedule(Notifier notifier, Notification notice, int attempt, Duration delay) {
        try {
            executor.schedule(() -> attempt(notifier, notice, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.warn("The {} notice of a new voicemail for mailbox {} was not sent: the server is stopping",
                    notifier.channel(), notice.account());
        }
    }

    private void attempt(Notifier notifier, Notification notice, int attempt) {
        String channel = notifier.channel();
        try {
            notifier.send(notice);
            LOG.info("Sent the {} notice of a new voicemail for mailbox {} to {}{}", channel, notice.account(),
                    notice.recipient(), attempt > 1 ? " (attempt " + attempt + ")" : "");
        } catch (NotificationException | RuntimeException e) {
            boolean retryable = !(e instanceof NotificationException ne) || ne.retryable();
            String reason = e instanceof NotificationException ? e.getMessage() : e.toString();
            if (retryable && attempt <= retryDelays.size()) {
                Duration next = retryDelays.get(attempt - 1);
                LOG.warn("The {} notice of a new voicemail for mailbox {} failed (attempt {}): {}; trying again "
                        + "in {} s", channel, notice.account(), attempt, reason, next.toSeconds());
                schedule(notifier, notice, attempt + 1, next);
            } else {
                LOG.error("Gave up the {} notice of a new voicemail for mailbox {} after {} attempt{}: {}", channel,
                        notice.account(), attempt, attempt == 1 ? "" : "s", reason);
            }
        }
    }

    /**
     * Reads pauses such as {@code 5,30,120,600} (seconds).
     *
     * @throws IllegalArgumentException for anything but comma-separated whole numbers
     */
    static List<Duration> parseDelays(String seconds) {
        String s = seconds.strip();
        if (s.isEmpty()) {
            return List.of();
        }
        if (!s.matches("[0-9]+(\\s*,\\s*[0-9]+)*")) {
            throw new IllegalArgumentException("notify.retrySeconds must be whole seconds separated by commas, "
                    + "e.g. 5,30,120,600, not '" + seconds + "'");
        }
        return java.util.Arrays.stream(s.split("\\s*,\\s*")).map(x -> Duration.ofSeconds(Long.parseLong(x)))
                .toList();
    }
}
