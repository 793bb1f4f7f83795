// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

import java.util.List;

/**
 * What a softphone needs to register with the server's SIP registrar, as {@code GET /api/v1/sip} returns it.
 * The proxy host is the host the client already uses for the API.
 *
 * @param domain     the SIP domain, also the digest realm
 * @param port       the proxy's SIP port (UDP and TCP)
 * @param transports the transports the proxy listens on, lower case ({@code udp}, {@code tcp})
 * @since 0.1
 */
public record SipSettings(String domain, int port, List<String> transports) {
}
