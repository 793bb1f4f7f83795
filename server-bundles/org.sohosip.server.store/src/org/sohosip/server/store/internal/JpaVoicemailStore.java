// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.MailboxRules;
import org.sohosip.core.api.MailboxSettings;
import org.sohosip.core.api.MailboxSettingsChange;
import org.sohosip.core.api.VoicemailCounts;
import org.sohosip.core.api.VoicemailFolder;
import org.sohosip.core.api.VoicemailMessage;
import org.sohosip.server.store.GreetingKind;
import org.sohosip.server.store.MailboxFullException;
import org.sohosip.server.store.NoSuchVoicemailException;
import org.sohosip.server.store.VoicemailAudio;
import org.sohosip.server.store.VoicemailRecording;
import org.sohosip.server.store.VoicemailStore;

/**
 * {@link VoicemailStore} on {@code VOICEMAIL_MESSAGES}, {@code VOICEMAIL_AUDIO}, {@code VOICEMAIL_GREETINGS} and
 * {@code MAILBOX_SETTINGS}. Audio of recordings in progress goes through the {@link RecordingWriter}; everything
 * else is one transaction per call.
 */
final class JpaVoicemailStore implements VoicemailStore {

    private static final Logger LOG = LoggerFactory.getLogger(JpaVoicemailStore.class);

    /** A well-formed hash no PIN matches (its salt and hash are random), verified in place of a missing one. */
    private static final String UNSET_PIN = PasswordHashing.hash(UUID.randomUUID().toString());

    private final Transactions transactions;
    private final RecordingWriter writer;
    private final VoicemailEvents events;
    private final VoicemailConfig config;
    /** Read by the proxy (ring time) and the voicemail service for every call that may reach a mailbox. */
    private final ReadCache<String, MailboxSettings> settings = new ReadCache<>(10_000);
    /** Played to every caller; the recorded ones up to {@value #CACHED_GREETING_BYTES} bytes are kept. */
    private final ReadCache<String, Optional<byte[]>> greetings = new ReadCache<>(1_000,
            g -> g.map(audio -> audio.length <= CACHED_GREETING_BYTES).orElse(true));
    private static final int CACHED_GREETING_BYTES = 512 * 1024;

    JpaVoicemailStore(Transactions transactions, RecordingWriter writer, VoicemailEvents events,
            VoicemailConfig config) {
        this.transactions = transactions;
        this.writer = writer;
        this.events = events;
        this.config = config;
    }

    @Override
    public VoicemailRecording startRecording(long mailboxAccountId, String caller, @Nullable String callerName,
            boolean urgent, Instant receivedAt) {
        transactions.run(em -> VoicemailQueries.username(em, mailboxAccountId)); // NoSuchAccountException
        if (messageCount(mailboxAccountId) >= config.maxMessages()) {
            throw new MailboxFullException(mailboxAccountId, config.maxMessages());
        }
        return writer.start(() -> new VoicemailMessageEntity(mailboxAccountId, caller, callerName, urgent, receivedAt));
    }

    @Override
    public List<VoicemailMessage> messages(long accountId, @Nullable VoicemailFolder folder) {
        return transactions.run(em -> {
            List<VoicemailMessageEntity> rows = VoicemailQueries.listed(em, accountId, folder);
            if (rows.isEmpty()) {
                return List.<VoicemailMessage>of();
            }
            String username = VoicemailQueries.username(em, accountId);
            return rows.stream().map(row -> row.toMessage(username)).toList();
        });
    }

    @Override
    public Optional<VoicemailMessage> message(long accountId, long id) {
        return transactions.run(em -> {
            VoicemailMessageEntity row = VoicemailQueries.owned(em, accountId, id);
            return row == null ? Optional.<VoicemailMessage>empty()
                    : Optional.of(row.toMessage(VoicemailQueries.username(em, accountId)));
        });
    }

    @Override
    public Optional<VoicemailAudio> audio(long accountId, long id) {
        return transactions.run(em -> {
            VoicemailMessageEntity row = VoicemailQueries.owned(em, accountId, id);
            return row == null ? Optional.<VoicemailAudio>empty()
                    : Optional.of(new StoredAudio(transactions, id, row.audioBytes()));
        });
    }

    @Override
    public VoicemailMessage move(long accountId, long id, VoicemailFolder folder) {
        return change(accountId, id, row -> row.folder(folder));
    }

    @Override
    public VoicemailMessage setDeleted(long accountId, long id, boolean deleted) {
        Instant now = Instant.now();
        return change(accountId, id, row -> row.deletedAt(deleted ? now : null));
    }

    private VoicemailMessage change(long accountId, long id,
            Consumer<VoicemailMessageEntity> edit) {
        VoicemailMessage message = transactions.run(em -> {
            VoicemailMessageEntity row = VoicemailQueries.owned(em, accountId, id);
            if (row == null) {
                throw new NoSuchVoicemailException(id);
            }
            edit.accept(row);
            return row.toMessage(VoicemailQueries.username(em, accountId));
        });
        events.changed(accountId, message.mailbox());
        return message;
    }

    @Override
    public VoicemailCounts counts(long accountId) {
        return transactions.run(em -> VoicemailQueries.counts(em, accountId));
    }

    @Override
    public int messageCount(long accountId) {
        VoicemailCounts counts = counts(accountId);
        return counts.newMessages() + counts.oldMessages();
    }

    @Override
    public MailboxSettings settings(long accountId, int defaultNoAnswerSeconds) {
        return settings.get(accountId + "/" + defaultNoAnswerSeconds, () -> transactions.run(em -> {
            MailboxSettingsEntity row = em.find(MailboxSettingsEntity.class, accountId);
            return row == null ? MailboxSettingsEntity.defaults(defaultNoAnswerSeconds)
                    : row.toSettings(defaultNoAnswerSeconds);
        }));
    }

    @Override
    public MailboxSettings updateSettings(long accountId, MailboxSettingsChange change) {
        MailboxSettings updated = transactions.run(em -> {
            VoicemailQueries.username(em, accountId); // NoSuchAccountException
            MailboxSettingsEntity row = em.find(MailboxSettingsEntity.class, accountId);
            Map<String, String> problems = MailboxRules.check(change, row == null ? null : row.smsNumber(),
                    row == null ? null : row.emailAddress());
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Invalid mailbox settings: " + problems);
            }
            if (row == null) {
                row = new MailboxSettingsEntity(accountId);
                row.apply(change, Instant.now());
                em.persist(row);
            } else {
                row.apply(change, Instant.now());
            }
            return row.toSettings(config.noAnswerSeconds());
        });
        settings.clear();
        return updated;
    }

    @Override
    public boolean pinMatches(long accountId, String pin) {
        String hash = transactions.run(em -> {
            MailboxSettingsEntity row = em.find(MailboxSettingsEntity.class, accountId);
            return row == null ? null : row.pinHash();
        });
        // Unknown accounts and unset PINs cost a hash too, so timing does not tell which mailboxes have a PIN.
        boolean matches = PasswordHashing.verify(pin, hash != null ? hash : UNSET_PIN);
        return hash != null && matches;
    }

    @Override
    public Optional<byte[]> greeting(long accountId, GreetingKind kind) {
        // each caller gets its own copy of the kept array
        return greetings.get(accountId + "/" + kind, () -> transactions.run(em -> {
            VoicemailGreetingEntity row = em.find(VoicemailGreetingEntity.class,
                    new VoicemailGreetingEntity.Key(accountId, kind));
            return row == null ? Optional.<byte[]>empty() : Optional.of(row.audio());
        })).map(byte[]::clone);
    }

    @Override
    public void setGreeting(long accountId, GreetingKind kind, byte[] pcm16le8k) {
        if (pcm16le8k.length > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("A greeting is at most 16 MB (about 17 minutes)");
        }
        transactions.run(em -> {
            VoicemailQueries.username(em, accountId); // NoSuchAccountException
            VoicemailGreetingEntity row = em.find(VoicemailGreetingEntity.class,
                    new VoicemailGreetingEntity.Key(accountId, kind));
            if (pcm16le8k.length == 0) {
                if (row != null) {
                    em.remove(row);
                }
            } else if (row == null) {
                row = new VoicemailGreetingEntity(accountId, kind);
                row.audio(pcm16le8k, Instant.now());
                em.persist(row);
            } else {
                row.audio(pcm16le8k, Instant.now());
            }
            return null;
        });
        greetings.clear();
    }

    @Override
    public int recoverUnfinished() {
        long minimumBytes = config.minSeconds() * (long) Wav.BYTES_PER_SECOND;
        List<VoicemailMessage> kept = new ArrayList<>();
        Set<Long> recording = writer.openIds();
        int removed = transactions.run(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> open = em.createNativeQuery("SELECT m.ID, COALESCE(SUM(CAST(c.BYTES AS BIGINT)), 0)"
                    + " FROM VOICEMAIL_MESSAGES m LEFT JOIN VOICEMAIL_AUDIO c ON c.MESSAGE_ID = m.ID"
                    + " WHERE m.COMPLETE = FALSE GROUP BY m.ID").getResultList();
            int gone = 0;
            for (Object[] row : open) {
                long id = ((Number) row[0]).longValue();
                VoicemailMessageEntity message = em.find(VoicemailMessageEntity.class, id);
                if (message == null || recording.contains(id)) {
                    continue; // still being recorded by this server
                }
                long bytes = ((Number) row[1]).longValue() & ~1L;
                if (bytes >= minimumBytes && bytes > 0) {
                    message.complete(bytes);
                    kept.add(message.toMessage(VoicemailQueries.username(em, message.accountId())));
                } else {
                    em.remove(message);
                    gone++;
                }
            }
            return gone;
        });
        if (!kept.isEmpty() || removed > 0) {
            LOG.info("Voicemail recordings left open by a stop: {} kept as messages, {} too short and removed",
                    kept.size(), removed);
        }
        kept.forEach(events::deposited);
        return kept.size();
    }

    /** Removes messages deleted more than {@code voicemail.purgeDays} ago. */
    int purgeDeleted() {
        Instant before = Instant.now().minus(Duration.ofDays(config.purgeDays()));
        LocalDateTime utc = LocalDateTime.ofInstant(before, ZoneOffset.UTC);
        int purged = transactions.run(em -> em.createNativeQuery("DELETE FROM VOICEMAIL_MESSAGES"
                + " WHERE DELETED_AT IS NOT NULL AND DELETED_AT < ?")
                .setParameter(1, Timestamp.valueOf(utc))
                .executeUpdate());
        if (purged > 0) {
            LOG.info("Purged {} voicemail message(s) deleted more than {} days ago", purged, config.purgeDays());
        }
        return purged;
    }
}
