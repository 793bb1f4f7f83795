// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.api.RouteRule;

/** Row of {@code ROUTE_RULES}. */
@Entity
@Table(name = "ROUTE_RULES")
public class RouteRuleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private @Nullable Long id;

    @Column(name = "PREFIX", nullable = false)
    private String prefix = "";

    @Column(name = "STRIP_DIGITS", nullable = false)
    private int stripDigits;

    @Column(name = "PREPEND", nullable = false)
    private String prepend = "";

    @Column(name = "GATEWAY_ID", nullable = false)
    private long gatewayId;

    @Column(name = "ALLOWED_GROUP")
    private @Nullable String allowedGroup;

    @Column(name = "DESCRIPTION", nullable = false)
    private String description = "";

    /** For JPA. */
    protected RouteRuleEntity() {
    }

    RouteRuleEntity(RouteRule rule) {
        apply(rule);
    }

    final void apply(RouteRule rule) {
        prefix = rule.prefix();
        stripDigits = rule.stripDigits();
        prepend = rule.prepend();
        gatewayId = rule.gatewayId();
        allowedGroup = rule.allowedGroup();
        description = rule.description();
    }

    RouteRule toRule() {
        return new RouteRule(Objects.requireNonNull(id, "not yet stored"), prefix, stripDigits, prepend, gatewayId,
                allowedGroup, description);
    }
}
