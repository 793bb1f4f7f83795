// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy;

import java.net.InetSocketAddress;
import java.util.List;
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

    /**
     * @param username an account's user name
     * @return the contact URIs its phones registered and that have not expired, most preferred first (e.g. for an
     *         unsolicited message-waiting NOTIFY)
     */
    List<String> contacts(String username);
}
