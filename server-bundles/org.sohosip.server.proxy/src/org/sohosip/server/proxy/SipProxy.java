// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * The running SIP registrar and proxy. Registered once its transports listen; withdrawn when it stops.
 *
 * @since 0.1
 */
public interface SipProxy {

    /** @return the SIP domain, which is also the digest realm */
    String domain();

    /** @return where it listens, by lower-case transport name ({@code udp}, {@code tcp}) */
    Map<String, InetSocketAddress> listening();
}
