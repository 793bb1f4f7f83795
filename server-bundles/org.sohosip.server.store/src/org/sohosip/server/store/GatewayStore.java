// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

import java.util.List;
import java.util.Optional;

import org.sohosip.core.api.EmergencyNumber;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.GatewayChange;
import org.sohosip.core.api.InboundNumber;
import org.sohosip.core.api.RouteRule;

/**
 * The PSTN gateways and the dial plan around them: outbound route rules, emergency numbers and inbound numbers.
 * Values are expected to be valid already (the API checks them); the store enforces uniqueness
 * ({@link DuplicateException} with the field {@code name}, {@code trunkName}, {@code prefix}, {@code number} or
 * {@code did}) and references ({@link NoSuchEntryException} for a missing gateway). Every committed change is told
 * to each {@link GatewayConfigListener}.
 *
 * @since 0.1
 */
public interface GatewayStore {

    /** @return all gateways by name */
    List<Gateway> gateways();

    /** @return the gateway with this id */
    Optional<Gateway> gateway(long id);

    /**
     * @return the AMI secret of the gateway, for logging in to Asterisk only (never show or log it)
     */
    Optional<String> amiSecret(long id);

    /**
     * @param change the new gateway; its {@code amiSecret} must be set; a {@code null} time zone stores the
     *               server's own zone
     * @return the stored gateway
     */
    Gateway createGateway(GatewayChange change);

    /** @return the changed gateway; a {@code null} AMI secret or time zone keeps the stored one */
    Gateway updateGateway(long id, GatewayChange change);

    /** @throws GatewayInUseException while route rules or emergency numbers name the gateway */
    void deleteGateway(long id);

    /** @return all route rules by prefix */
    List<RouteRule> routes();

    /** @return the stored rule ({@code rule.id()} ignored) */
    RouteRule createRoute(RouteRule rule);

    /** @return the changed rule ({@code rule.id()} ignored) */
    RouteRule updateRoute(long id, RouteRule rule);

    /** Removes a route rule. */
    void deleteRoute(long id);

    /** @return the emergency numbers by number */
    List<EmergencyNumber> emergencyNumbers();

    /** Replaces the whole list in one transaction. @return the new list by number */
    List<EmergencyNumber> replaceEmergencyNumbers(List<EmergencyNumber> numbers);

    /** @return the inbound numbers by DID */
    List<InboundNumber> inboundNumbers();

    /** @return the stored number ({@code number.id()} ignored) */
    InboundNumber createInboundNumber(InboundNumber number);

    /** @return the changed number ({@code number.id()} ignored) */
    InboundNumber updateInboundNumber(long id, InboundNumber number);

    /** Removes an inbound number. */
    void deleteInboundNumber(long id);
}
