// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal.phone;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Finds the local address the server can reach this computer at: the one the route to the server leaves from. */
final class LocalAddress {

    private LocalAddress() {
    }

    static InetAddress towards(String host, int port) {
        // connecting a datagram socket sends nothing; it only asks the system for the route
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(new InetSocketAddress(host, port));
            InetAddress a = s.getLocalAddress();
            if (a != null && !a.isAnyLocalAddress()) {
                return a;
            }
        } catch (IOException | RuntimeException e) {
            // fall through: no route known, loopback is the only honest answer
        }
        return InetAddress.getLoopbackAddress();
    }
}
