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
import org.sohosip.core.CallDisposition;
import org.sohosip.core.CallRecord;

/** Row of {@code CALL_RECORDS}. */
@Entity
@Table(name = "CALL_RECORDS")
public class CallRecordEntity {

    private static final int MAX = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private @Nullable Long id;

    @Column(name = "CALL_ID", nullable = false, updatable = false)
    private String callId = "";

    @Column(name = "CALLER", nullable = false, updatable = false)
    private String caller = "";

    @Column(name = "CALLER_NAME", updatable = false)
    private @Nullable String callerName;

    @Column(name = "CALLEE", nullable = false, updatable = false)
    private String callee = "";

    @Column(name = "DIALLED", nullable = false, updatable = false)
    private String dialled = "";

    @Convert(converter = UtcTimestampConverter.class)
    @Column(name = "STARTED_AT", nullable = false, updatable = false)
    private Instant startedAt = Instant.EPOCH;

    @Convert(converter = UtcTimestampConverter.class)
    @Column(name = "ANSWERED_AT", updatable = false)
    private @Nullable Instant answeredAt;

    @Convert(converter = UtcTimestampConverter.class)
    @Column(name = "ENDED_AT", nullable = false, updatable = false)
    private Instant endedAt = Instant.EPOCH;

    @Enumerated(EnumType.STRING)
    @Column(name = "DISPOSITION", nullable = false, updatable = false)
    private CallDisposition disposition = CallDisposition.FAILED;

    /** For JPA. */
    protected CallRecordEntity() {
    }

    CallRecordEntity(CallRecord call) {
        callId = cut(call.callId());
        caller = cut(call.caller());
        String name = call.callerName();
        callerName = name == null ? null : cut(name);
        callee = cut(call.callee());
        dialled = cut(call.dialled());
        startedAt = call.start();
        answeredAt = call.answer();
        endedAt = call.end();
        disposition = call.disposition();
    }

    CallRecord toRecord() {
        return new CallRecord(Objects.requireNonNull(id, "not yet stored"), callId, caller, callerName, callee, dialled,
                startedAt, answeredAt, endedAt, disposition);
    }

    /** SIP messages can carry anything: keep what fits rather than refuse a record of a real call. */
    private static String cut(String value) {
        return value.length() <= MAX ? value : value.substring(0, MAX);
    }
}
