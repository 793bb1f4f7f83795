// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

import java.net.InetSocketAddress;

/**
 * The running Derby network server.
 *
 * @since 0.1
 */
public interface DatabaseServer {

    /** @return the address the database listens on */
    InetSocketAddress address();
}
