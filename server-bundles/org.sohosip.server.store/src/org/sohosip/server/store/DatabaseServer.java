// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

import java.net.InetSocketAddress;

/**
 * The running Derby network server that holds the SOHOSIP database. Registered while the server accepts
 * connections; administrators can reach it with Derby's {@code ij} as user {@code sohosip} and the password kept in
 * {@code <dataDir>/db-password}.
 *
 * @since 0.1
 */
public interface DatabaseServer {

    /** @return the address and port the network server listens on */
    InetSocketAddress address();

    /** @return the JDBC URL of the database for Derby's network client, without credentials */
    String url();
}
