// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.server.store.SipBinding;

/** Row of {@code SIP_BINDINGS}. */
@Entity
@Table(name = "SIP_BINDINGS")
@IdClass(SipBindingEntity.Key.class)
public class SipBindingEntity {

    @Id
    @Column(name = "USERNAME", nullable = false, updatable = false)
    private String username = "";

    @Id
    @Column(name = "CONTACT", nullable = false, updatable = false)
    private String contact = "";

    @Column(name = "Q_MILLI", nullable = false)
    private int qMilli;

    @Convert(converter = UtcTimestampConverter.class)
    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt = Instant.EPOCH;

    @Column(name = "CALL_ID", nullable = false)
    private String callId = "";

    @Column(name = "CSEQ", nullable = false)
    private long cseq;

    @Column(name = "SOURCE", nullable = false)
    private String source = "";

    /** For JPA. */
    protected SipBindingEntity() {
    }

    SipBindingEntity(SipBinding binding) {
        username = binding.username();
        contact = binding.contact();
        qMilli = binding.qMilli();
        expiresAt = binding.expires();
        callId = cut(binding.callId(), 255);
        cseq = binding.cseq();
        source = cut(binding.source(), 100);
    }

    SipBinding toBinding() {
        return new SipBinding(username, contact, qMilli, expiresAt, callId, cseq, source);
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    /** Composite key: user name and contact. */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String username = "";
        private String contact = "";

        /** For JPA. */
        public Key() {
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Key k && k.username.equals(username) && k.contact.equals(contact);
        }

        @Override
        public int hashCode() {
            return Objects.hash(username, contact);
        }
    }
}
