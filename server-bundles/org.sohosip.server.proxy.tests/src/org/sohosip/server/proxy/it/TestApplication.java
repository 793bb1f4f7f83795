// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.it;

import java.net.InetSocketAddress;
import java.util.Set;

import org.sohosip.server.proxy.CallApplication;

/** A call application as the tests register it: its numbers and where its SIP peer listens. */
record TestApplication(String name, Set<String> numbers, InetSocketAddress address, boolean voicemail)
        implements CallApplication {
}
