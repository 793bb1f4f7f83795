// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.api.MailboxSettings;
import org.sohosip.core.api.VoicemailCounts;
import org.sohosip.core.api.VoicemailMessage;
import org.sohosip.server.notify.Notification;
import org.sohosip.server.notify.Notifier;
import org.sohosip.server.store.VoicemailAudio;
import org.sohosip.server.store.VoicemailListener;
import org.sohosip.server.store.VoicemailStore;

/**
 * Tells mailbox owners about new messages: on each deposit it hands one notice per channel the owner turned on
 * (SMS, e-mail) and one to every channel a plug-in added to {@link Deliveries}, which sends them on its own threads.
 * The store's listener thread only builds the notices, so notification never delays or endangers the message.
 */
@Component(configurationPid = NotifyComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class VoicemailNotifications implements VoicemailListener {

    private static final Logger LOG = LoggerFactory.getLogger(VoicemailNotifications.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Map<Notifier, String> notifiers = new ConcurrentHashMap<>();
    private final VoicemailStore store;
    private final ScheduledExecutorService executor;
    private final Deliveries deliveries;

    @Activate
    public VoicemailNotifications(@Reference VoicemailStore store, NotifyConfig config) {
        this.store = store;
        List<Duration> delays = Deliveries.parseDelays(config.notify_retrySeconds());
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "sohosip-notify-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.executor = Executors.unconfigurableScheduledExecutorService(pool);
        this.deliveries = new Deliveries(executor, delays);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addNotifier(Notifier notifier) {
        notifiers.put(notifier, notifier.channel());
    }

    void removeNotifier(Notifier notifier) {
        notifiers.remove(notifier);
    }

    @Override
    public void mailboxChanged(long accountId, String username, VoicemailCounts counts) {
        // Only new messages are announced; the message-waiting lamp follows counts elsewhere.
    }

    @Override
    public void messageDeposited(VoicemailMessage message, MailboxSettings settings) {
        Notification base = new Notification(message.mailbox(), message.mailbox(), message.caller(),
                message.callerName(), message.receivedAt(), Duration.ofMillis(message.durationMillis()),
                () -> openAudio(message));
        boolean smsSent = false;
        boolean emailSent = false;
        for (Notifier n : List.copyOf(notifiers.keySet())) {
            String channel = notifiers.getOrDefault(n, "");
            @Nullable String recipient;
            if (channel.equals(Notifier.SMS)) {
                recipient = settings.smsEnabled() ? blankToNull(settings.smsNumber()) : null;
                smsSent |= recipient != null;
            } else if (channel.equals(Notifier.EMAIL)) {
                recipient = settings.emailEnabled() ? blankToNull(settings.emailAddress()) : null;
                emailSent |= recipient != null;
            } else {
                recipient = message.mailbox();
            }
            if (recipient != null) {
                deliveries.submit(n, base.withRecipient(recipient));
            }
        }
        warnIfMissing(message, settings.smsEnabled() && blankToNull(settings.smsNumber()) != null && !smsSent,
                "SMS", "notify.smpp.host");
        warnIfMissing(message, settings.emailEnabled() && blankToNull(settings.emailAddress()) != null
                && !emailSent, "e-mail", "notify.smtp.host");
    }

    private static void warnIfMissing(VoicemailMessage message, boolean missing, String channel, String key) {
        if (missing) {
            LOG.warn("Mailbox {} asks for {} notices, but the server has no {} channel ({} is not set)",
                    message.mailbox(), channel, channel, key);
        }
    }

    private java.io.InputStream openAudio(VoicemailMessage message) throws IOException {
        VoicemailAudio audio = store.audio(message.mailboxAccountId(), message.id())
                .orElseThrow(() -> new IOException("voicemail " + message.id() + " of mailbox " + message.mailbox()
                        + " is no longer stored"));
        return audio.open(0, audio.length() - 1);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Deactivate
    void deactivate() {
        int pending = executor.shutdownNow().size();
        if (pending > 0) {
            LOG.warn("{} voicemail notice{} not sent: the notification service stopped", pending,
                    pending == 1 ? " was" : "s were");
        }
    }
}
