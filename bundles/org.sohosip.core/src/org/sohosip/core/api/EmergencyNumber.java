// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

/**
 * A number that always reaches a gateway, whoever dials it and whether or not the caller may call outside
 * ({@code GET/PUT /api/v1/emergency-numbers} carry the whole list). It is sent to the gateway unchanged.
 *
 * @param number    1-10 digits, e.g. {@code 110}, {@code 119}, {@code 112}
 * @param gatewayId the gateway that carries it
 * @since 0.1
 */
public record EmergencyNumber(String number, long gatewayId) {
}
