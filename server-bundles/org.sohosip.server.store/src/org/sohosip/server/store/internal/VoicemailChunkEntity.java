// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.eclipse.jdt.annotation.Nullable;

/** Row of {@code VOICEMAIL_AUDIO}: one piece of a message's PCM audio, written once and never changed. */
@Entity
@Table(name = "VOICEMAIL_AUDIO")
@IdClass(VoicemailChunkEntity.Key.class)
public class VoicemailChunkEntity {

    /** Largest piece in bytes (the column holds 32,672); two seconds of audio. */
    static final int MAX_BYTES = 32_000;

    @Id
    @Column(name = "MESSAGE_ID", updatable = false)
    private long messageId;

    @Id
    @Column(name = "SEQ", updatable = false)
    private int seq;

    @Column(name = "START_BYTE", nullable = false, updatable = false)
    private long startByte;

    @Column(name = "BYTES", nullable = false, updatable = false)
    private int bytes;

    @Column(name = "DATA", nullable = false, updatable = false)
    private byte[] data = new byte[0];

    /** For JPA. */
    protected VoicemailChunkEntity() {
    }

    VoicemailChunkEntity(long messageId, int seq, long startByte, byte[] data) {
        this.messageId = messageId;
        this.seq = seq;
        this.startByte = startByte;
        this.bytes = data.length;
        this.data = data;
    }

    long startByte() {
        return startByte;
    }

    byte[] data() {
        return data;
    }

    /** Primary key of a piece. */
    public static final class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private long messageId;
        private int seq;

        /** For JPA. */
        public Key() {
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Key key && key.messageId == messageId && key.seq == seq;
        }

        @Override
        public int hashCode() {
            return Objects.hash(messageId, seq);
        }
    }
}
