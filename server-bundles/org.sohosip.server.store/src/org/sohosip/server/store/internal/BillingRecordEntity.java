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
import org.sohosip.core.api.BillingDirection;
import org.sohosip.core.api.BillingDisposition;
import org.sohosip.core.api.BillingRecord;
import org.sohosip.server.store.BillingEntry;
import org.sohosip.server.store.CdrDetails;

/** Row of {@code BILLING_RECORDS}; written once, never changed. */
@Entity
@Table(name = "BILLING_RECORDS")
public class BillingRecordEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private @Nullable Long id;

    @Column(name = "CALL_ID", nullable = false, updatable = false)
    private String callId = "";
    @Column(name = "ACCOUNT_NAME", updatable = false)
    private @Nullable String account;
    @Column(name = "GATEWAY_NAME", updatable = false)
    private @Nullable String gateway;
    @Column(name = "EXTERNAL_NUMBER", nullable = false, updatable = false)
    private String externalNumber = "";
    @Enumerated(EnumType.STRING)
    @Column(name = "DIRECTION", nullable = false, updatable = false)
    private BillingDirection direction = BillingDirection.OUTBOUND;
    @Convert(converter = UtcTimestampConverter.class)
    @Column(name = "STARTED_AT", nullable = false, updatable = false)
    private Instant startedAt = Instant.EPOCH;
    @Convert(converter = UtcTimestampConverter.class)
    @Column(name = "ANSWERED_AT", updatable = false)
    private @Nullable Instant answeredAt;
    @Convert(converter = UtcTimestampConverter.class)
    @Column(name = "ENDED_AT", nullable = false, updatable = false)
    private Instant endedAt = Instant.EPOCH;
    @Column(name = "BILLSEC", nullable = false, updatable = false)
    private long billableSeconds;
    @Enumerated(EnumType.STRING)
    @Column(name = "DISPOSITION", nullable = false, updatable = false)
    private BillingDisposition disposition = BillingDisposition.FAILED;
    @Column(name = "UNIQUE_ID", updatable = false)
    private @Nullable String uniqueId;

    @Column(name = "CDR_SRC", nullable = false, updatable = false)
    private String src = "";
    @Column(name = "CDR_DST", nullable = false, updatable = false)
    private String dst = "";
    @Column(name = "CDR_DCONTEXT", nullable = false, updatable = false)
    private String dcontext = "";
    @Column(name = "CDR_CLID", nullable = false, updatable = false)
    private String clid = "";
    @Column(name = "CDR_CHANNEL", nullable = false, updatable = false)
    private String channel = "";
    @Column(name = "CDR_DSTCHANNEL", nullable = false, updatable = false)
    private String dstChannel = "";
    @Column(name = "CDR_LASTAPP", nullable = false, updatable = false)
    private String lastApp = "";
    @Column(name = "CDR_LASTDATA", nullable = false, updatable = false)
    private String lastData = "";
    @Column(name = "CDR_DURATION", nullable = false, updatable = false)
    private long duration;
    @Column(name = "CDR_AMAFLAGS", nullable = false, updatable = false)
    private String amaFlags = "";
    @Column(name = "CDR_USERFIELD", nullable = false, updatable = false)
    private String userField = "";

    /** For JPA. */
    protected BillingRecordEntity() {
    }

    BillingRecordEntity(BillingRecord r, CdrDetails d) {
        callId = cut(r.callId(), 255);
        account = r.account();
        gateway = r.gateway();
        externalNumber = cut(r.externalNumber(), 80);
        direction = r.direction();
        startedAt = r.start();
        answeredAt = r.answer();
        endedAt = r.end();
        billableSeconds = r.billableSeconds();
        disposition = r.disposition();
        uniqueId = r.uniqueId();
        src = cut(d.source(), 80);
        dst = cut(d.destination(), 80);
        dcontext = cut(d.destinationContext(), 80);
        clid = cut(d.callerId(), 160);
        channel = cut(d.channel(), 160);
        dstChannel = cut(d.destinationChannel(), 160);
        lastApp = cut(d.lastApplication(), 80);
        lastData = cut(d.lastData(), 255);
        duration = d.durationSeconds();
        amaFlags = cut(d.amaFlags(), 20);
        userField = cut(d.userField(), 255);
    }

    /** Asterisk's fields are free text of its own length limits; a cut value beats a lost record. */
    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    BillingRecord toRecord() {
        return new BillingRecord(Objects.requireNonNull(id, "not yet stored"), callId, account, gateway,
                externalNumber, direction, startedAt, answeredAt, endedAt, billableSeconds, disposition, uniqueId);
    }

    BillingEntry toEntry() {
        return new BillingEntry(toRecord(), new CdrDetails(src, dst, dcontext, clid, channel, dstChannel, lastApp,
                lastData, duration, amaFlags, userField));
    }
}
