// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.app.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import org.sohosip.server.api.ServerCertificate;
import org.sohosip.server.proxy.SipProxy;
import org.sohosip.server.store.DatabaseServer;

/** The server's listening ports, each described once it accepts connections, for the start-up log line. */
enum ListeningPort {
    DATABASE {
        @Override
        String describe(Services services, ServerConfig config, Duration timeout) throws InterruptedException {
            DatabaseServer db = services.await(DatabaseServer.class, timeout);
            return "database " + db.address().getHostString() + ":" + db.address().getPort() + " (Derby)";
        }
    },
    API {
        @Override
        String describe(Services services, ServerConfig config, Duration timeout) throws InterruptedException {
            ServerCertificate certificate = services.await(ServerCertificate.class, timeout);
            String host = config.get(ConfigKey.API_HOST);
            int port = config.getInt(ConfigKey.API_PORT);
            awaitAccepting(host, port, timeout);
            return "HTTPS API https://" + host + ":" + port + "/api/v1/ (certificate SHA-256 "
                    + certificate.sha256Fingerprint() + ")";
        }
    },
    SIP {
        @Override
        String describe(Services services, ServerConfig config, Duration timeout) throws InterruptedException {
            SipProxy proxy = services.await(SipProxy.class, timeout);
            StringBuilder line = new StringBuilder("SIP");
            proxy.listening().forEach((transport, address) -> line.append(' ').append(transport).append(' ')
                    .append(address.getHostString()).append(':').append(address.getPort()));
            return line.append(" (domain ").append(proxy.domain()).append(')').toString();
        }
    };

    abstract String describe(Services services, ServerConfig config, Duration timeout) throws InterruptedException;

    /** The HTTP server opens its port shortly after it receives its configuration: wait until it accepts. */
    static void awaitAccepting(String host, int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                InetAddress target = "0.0.0.0".equals(host) || "::".equals(host) ? InetAddress.getLoopbackAddress()
                        : InetAddress.getByName(host);
                s.connect(new InetSocketAddress(target, port), 1000);
                return;
            } catch (IOException e) {
                last = e;
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("The HTTPS API did not open " + host + ":" + port + " within "
                + timeout.toSeconds() + " s (" + (last == null ? "" : last.getMessage())
                + "); is the port free? Set api.port to another port.");
    }
}
