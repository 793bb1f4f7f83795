// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.app.internal;

import java.time.Duration;

import org.sohosip.server.store.DatabaseServer;

/** The server's listening ports, each described once its service is up, for the start-up log line. */
enum ListeningPort {
    DATABASE {
        @Override
        String describe(Services services, Duration timeout) throws InterruptedException {
            DatabaseServer db = services.await(DatabaseServer.class, timeout);
            return "database " + db.address().getHostString() + ":" + db.address().getPort() + " (Derby)";
        }
    };

    abstract String describe(Services services, Duration timeout) throws InterruptedException;
}
