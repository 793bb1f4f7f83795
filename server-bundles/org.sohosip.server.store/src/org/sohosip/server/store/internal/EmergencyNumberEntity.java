// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.sohosip.core.api.EmergencyNumber;

/** Row of {@code EMERGENCY_NUMBERS}. */
@Entity
@Table(name = "EMERGENCY_NUMBERS")
public class EmergencyNumberEntity {

    @Id
    @Column(name = "NUMBER")
    private String number = "";

    @Column(name = "GATEWAY_ID", nullable = false)
    private long gatewayId;

    /** For JPA. */
    protected EmergencyNumberEntity() {
    }

    EmergencyNumberEntity(EmergencyNumber value) {
        number = value.number();
        gatewayId = value.gatewayId();
    }

    EmergencyNumber toNumber() {
        return new EmergencyNumber(number, gatewayId);
    }
}
