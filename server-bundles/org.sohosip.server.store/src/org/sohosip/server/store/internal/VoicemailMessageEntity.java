// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.api.VoicemailFolder;
import org.sohosip.core.api.VoicemailMessage;

/** Row of {@code VOICEMAIL_MESSAGES}; its audio is in {@link VoicemailChunkEntity} rows. */
@Entity
@Table(name = "VOICEMAIL_MESSAGES")
public class VoicemailMessageEntity {

    private static final int MAX = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private @Nullable Long id;

    @Column(name = "ACCOUNT_ID", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "CALLER", nullable = false, updatable = false)
    private String caller = "";

    @Column(name = "CALLER_NAME", updatable = false)
    private @Nullable String callerName;

    @Convert(converter = UtcTimestampConverter.class)
    @Column(name = "RECEIVED_AT", nullable = false, updatable = false)
    private Instant receivedAt = Instant.EPOCH;

    @Column(name = "DURATION_MILLIS", nullable = false)
    private long durationMillis;

    @Column(name = "AUDIO_BYTES", nullable = false)
    private long audioBytes;

    @Enumerated(EnumType.STRING)
    @Column(name = "FOLDER", nullable = false)
    private VoicemailFolder folder = VoicemailFolder.NEW;

    @Column(name = "URGENT", nullable = false)
    private boolean urgent;

    @Column(name = "COMPLETE", nullable = false)
    private boolean complete;

    @Convert(converter = UtcTimestampConverter.class)
    @Column(name = "DELETED_AT")
    private @Nullable Instant deletedAt;

    /** For JPA. */
    protected VoicemailMessageEntity() {
    }

    VoicemailMessageEntity(long accountId, String caller, @Nullable String callerName, boolean urgent,
            Instant receivedAt) {
        this.accountId = accountId;
        this.caller = clip(caller);
        this.callerName = callerName == null || callerName.isBlank() ? null : clip(callerName);
        this.urgent = urgent;
        this.receivedAt = receivedAt;
    }

    private static String clip(String text) {
        return text.length() <= MAX ? text : text.substring(0, MAX);
    }

    long id() {
        return Objects.requireNonNull(id, "not persisted yet");
    }

    long accountId() {
        return accountId;
    }

    boolean complete() {
        return complete;
    }

    long audioBytes() {
        return audioBytes;
    }

    /** Marks the recording finished with {@code bytes} of audio. */
    void complete(long bytes) {
        audioBytes = bytes;
        durationMillis = Wav.millis(bytes);
        complete = true;
    }

    /** The caller chose urgent after recording (the row was written as normal when the recording began). */
    void markUrgent() {
        urgent = true;
    }

    void folder(VoicemailFolder newFolder) {
        folder = newFolder;
    }

    void deletedAt(@Nullable Instant when) {
        deletedAt = when;
    }

    VoicemailMessage toMessage(String username) {
        return new VoicemailMessage(id(), accountId, username, caller, callerName, receivedAt, durationMillis, folder,
                urgent, deletedAt != null);
    }
}
