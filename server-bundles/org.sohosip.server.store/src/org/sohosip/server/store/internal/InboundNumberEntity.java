// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.api.InboundNumber;
import org.sohosip.core.api.InboundTargetKind;

/** Row of {@code INBOUND_NUMBERS}. */
@Entity
@Table(name = "INBOUND_NUMBERS")
public class InboundNumberEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private @Nullable Long id;

    @Column(name = "DID", nullable = false)
    private String did = "";

    @Enumerated(EnumType.STRING)
    @Column(name = "TARGET_KIND", nullable = false)
    private InboundTargetKind targetKind = InboundTargetKind.EXTENSION;

    @Column(name = "TARGET", nullable = false)
    private String target = "";

    @Enumerated(EnumType.STRING)
    @Column(name = "AFTER_HOURS_KIND")
    private @Nullable InboundTargetKind afterHoursKind;

    @Column(name = "AFTER_HOURS_TARGET")
    private @Nullable String afterHoursTarget;

    @Column(name = "OFFICE_HOURS")
    private @Nullable String officeHours;

    @Column(name = "TIME_ZONE", nullable = false)
    private String timeZone = "UTC";

    /** For JPA. */
    protected InboundNumberEntity() {
    }

    InboundNumberEntity(InboundNumber number) {
        apply(number);
    }

    final void apply(InboundNumber number) {
        did = number.did();
        targetKind = number.targetKind();
        target = number.target();
        afterHoursKind = number.afterHoursKind();
        afterHoursTarget = number.afterHoursTarget();
        officeHours = number.officeHours();
        timeZone = number.timeZone();
    }

    InboundNumber toNumber() {
        return new InboundNumber(Objects.requireNonNull(id, "not yet stored"), did, targetKind, target,
                afterHoursKind, afterHoursTarget, officeHours, timeZone);
    }
}
