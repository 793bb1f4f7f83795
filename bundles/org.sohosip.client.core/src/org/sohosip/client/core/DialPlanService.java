// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.util.List;

import org.sohosip.core.api.EmergencyNumber;
import org.sohosip.core.api.RouteRule;

/**
 * The outbound dial plan on the server of the current session, for administrators: route rules (a dialled prefix
 * to a gateway) and the emergency numbers that always reach a gateway. Every method blocks while talking to the
 * server: call them off the UI thread.
 *
 * @since 0.1
 */
public interface DialPlanService {

    /** @return the route rules, longest prefix first (the order in which the proxy tries them) */
    List<RouteRule> routes();

    /**
     * @param rule the new rule ({@code id} is ignored)
     * @return the stored rule
     * @throws ApiException with field messages when fields are invalid (400) or the prefix is taken (409)
     */
    RouteRule createRoute(RouteRule rule);

    /**
     * @param id   rule id
     * @param rule the rule's new fields ({@code id} in it is ignored)
     * @return the stored rule
     */
    RouteRule updateRoute(long id, RouteRule rule);

    /** @param id rule id */
    void deleteRoute(long id);

    /** @return the emergency numbers, by number */
    List<EmergencyNumber> emergencyNumbers();

    /**
     * Replaces the whole list (the server stores all or nothing).
     *
     * @param numbers the new list
     * @return the list as stored
     * @throws ApiException with field messages such as {@code numbers[1]} for an invalid entry
     */
    List<EmergencyNumber> setEmergencyNumbers(List<EmergencyNumber> numbers);
}
