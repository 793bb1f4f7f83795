// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.server.store.GreetingKind;

/** Row of {@code VOICEMAIL_GREETINGS}: one greeting a mailbox owner recorded. */
@Entity
@Table(name = "VOICEMAIL_GREETINGS")
@IdClass(VoicemailGreetingEntity.Key.class)
public class VoicemailGreetingEntity {

    @Id
    @Column(name = "ACCOUNT_ID", updatable = false)
    private long accountId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", updatable = false)
    private GreetingKind kind = GreetingKind.UNAVAILABLE;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "AUDIO", nullable = false)
    private byte[] audio = new byte[0];

    @Convert(converter = UtcTimestampConverter.class)
    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    /** For JPA. */
    protected VoicemailGreetingEntity() {
    }

    VoicemailGreetingEntity(long accountId, GreetingKind kind) {
        this.accountId = accountId;
        this.kind = kind;
    }

    byte[] audio() {
        return audio.clone();
    }

    void audio(byte[] pcm, Instant now) {
        audio = pcm.clone();
        updatedAt = now;
    }

    /** Primary key of a greeting. */
    public static final class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private long accountId;
        private @Nullable GreetingKind kind;

        /** For JPA. */
        public Key() {
        }

        Key(long accountId, GreetingKind kind) {
            this.accountId = accountId;
            this.kind = kind;
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Key key && key.accountId == accountId && key.kind == kind;
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, kind);
        }
    }
}
