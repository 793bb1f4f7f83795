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
import org.sohosip.core.LoginEvent;
import org.sohosip.core.LoginRecord;

/** Row of {@code LOGIN_RECORDS}. */
@Entity
@Table(name = "LOGIN_RECORDS")
public class LoginRecordEntity {

    /** Longest user name kept: a failed login may carry anything a client sent. */
    static final int MAX_USERNAME = 255;
    static final int MAX_ADDRESS = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private @Nullable Long id;

    @Column(name = "USERNAME", nullable = false, updatable = false)
    private String username = "";

    @Enumerated(EnumType.STRING)
    @Column(name = "EVENT", nullable = false, updatable = false)
    private LoginEvent event = LoginEvent.FAILED;

    @Column(name = "ADDRESS", nullable = false, updatable = false)
    private String address = "";

    @Convert(converter = UtcTimestampConverter.class)
    @Column(name = "OCCURRED_AT", nullable = false, updatable = false)
    private Instant occurredAt = Instant.EPOCH;

    /** For JPA. */
    protected LoginRecordEntity() {
    }

    LoginRecordEntity(String username, LoginEvent event, String address, Instant occurredAt) {
        this.username = cut(username, MAX_USERNAME);
        this.event = event;
        this.address = cut(address, MAX_ADDRESS);
        this.occurredAt = occurredAt;
    }

    LoginRecord toRecord() {
        return new LoginRecord(Objects.requireNonNull(id, "not yet stored"), username, event, address, occurredAt);
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
