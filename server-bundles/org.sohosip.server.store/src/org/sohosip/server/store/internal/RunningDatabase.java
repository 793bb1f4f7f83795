// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.net.InetSocketAddress;

import org.sohosip.server.store.DatabaseServer;

/** The {@link DatabaseServer} service: where the running network server listens. */
record RunningDatabase(InetSocketAddress address, String url) implements DatabaseServer {
}
