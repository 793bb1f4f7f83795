// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

import java.util.Objects;

/**
 * A SIP hop: host (name or literal address), port and transport. Used for the outbound proxy every request of an
 * identity goes through (the server's registrar and proxy).
 *
 * @param host      host name or IP literal
 * @param port      1-65535
 * @param transport the transport to use towards it
 * @since 0.1
 */
public record SipEndpoint(String host, int port, Transport transport) {

    /** Checks the values. */
    public SipEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** @return the hop as a loose-routing SIP URI, e.g. {@code sip:127.0.0.1:5060;transport=udp;lr} */
    public String uri() {
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return "sip:" + h + ":" + port + ";transport=" + transport.token() + ";lr";
    }
}
