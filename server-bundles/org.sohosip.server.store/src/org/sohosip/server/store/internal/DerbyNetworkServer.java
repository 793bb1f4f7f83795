// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.derby.client.ClientAutoloadedDriver;
import org.apache.derby.drda.NetworkServerControl;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Derby engine and its network server, running inside this process. Only the database owner {@code sohosip}
 * can connect: NATIVE authentication keeps the owner's credentials hashed inside the database itself.
 */
final class DerbyNetworkServer implements AutoCloseable {

    static final String DATABASE = "sohosip";
    static final String OWNER = "sohosip";

    private static final Logger LOG = LoggerFactory.getLogger(DerbyNetworkServer.class);
    private static final long START_TIMEOUT_MS = 30_000;

    private final InetSocketAddress address;
    private final String password;
    private final NetworkServerControl control;
    private final Map<String, @Nullable String> previousProperties;

    private DerbyNetworkServer(InetSocketAddress address, String password, NetworkServerControl control,
            Map<String, @Nullable String> previousProperties) {
        this.address = address;
        this.password = password;
        this.control = control;
        this.previousProperties = previousProperties;
    }

    /**
     * Boots the engine with its home in {@code home} and starts the network server; returns once it answers.
     *
     * @param home the folder that holds the database and {@code derby.log}
     */
    static DerbyNetworkServer start(Path home, String host, int port, String password) throws Exception {
        InetAddress bind = InetAddress.getByName(host);
        requireFreePort(bind, port);
        // Derby reads its settings from system properties when the engine boots; the previous values come back
        // when the engine shuts down, so a restart with another data folder starts clean.
        Map<String, @Nullable String> previous = new HashMap<>();
        setProperty(previous, "derby.system.home", home.toAbsolutePath().toString());
        setProperty(previous, "derby.stream.error.file", home.resolve("derby.log").toAbsolutePath().toString());
        setProperty(previous, "derby.infolog.append", "true");
        setProperty(previous, "derby.authentication.provider", "NATIVE:" + DATABASE + ":LOCAL");
        NetworkServerControl control = new NetworkServerControl(bind, port, OWNER, password);
        DerbyNetworkServer server = new DerbyNetworkServer(new InetSocketAddress(bind, port), password, control,
                previous);
        try {
            control.start(new PrintWriter(new LogWriter(), true));
            server.awaitStarted();
        } catch (Exception e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** @return the address the server listens on */
    InetSocketAddress address() {
        return address;
    }

    /** @return the client JDBC URL of the database, without credentials */
    String url() {
        String host = address.getAddress().getHostAddress();
        return "jdbc:derby://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/"
                + DATABASE;
    }

    /** Connects as the owner, creating the database (and with it the owner's credentials) when it is missing. */
    Connection connectCreating() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", OWNER);
        credentials.setProperty("password", password);
        return new ClientAutoloadedDriver().connect(url() + ";create=true", credentials);
    }

    private void awaitStarted() throws Exception {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (true) {
            try {
                control.ping();
                return;
            } catch (Exception e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("The Derby network server did not answer on " + address
                            + " within " + START_TIMEOUT_MS / 1000 + " s; see " + System.getProperty(
                                    "derby.stream.error.file") + " and the log above", e);
                }
                Thread.sleep(20); // polling the server's own readiness check; start() does not report it
            }
        }
    }

    /** Stops the network server and the engine, and gives Derby's system properties their old values back. */
    @Override
    public void close() {
        try {
            control.shutdown();
        } catch (Exception e) {
            LOG.warn("Stopping the Derby network server on {} failed: {}", address, e.toString());
        }
        shutdownEngine();
        previousProperties.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }

    private void shutdownEngine() {
        Properties credentials = new Properties();
        credentials.setProperty("user", OWNER);
        credentials.setProperty("password", password);
        try {
            new org.apache.derby.iapi.jdbc.AutoloadedDriver().connect("jdbc:derby:;shutdown=true", credentials);
            LOG.warn("The Derby engine did not confirm its shutdown");
        } catch (SQLException e) {
            // XJ015 is Derby's way of saying the engine shut down cleanly.
            if (!"XJ015".equals(e.getSQLState())) {
                LOG.warn("Shutting down the Derby engine failed: {} ({})", e.getMessage(), e.getSQLState());
            }
        }
    }

    private static void requireFreePort(InetAddress bind, int port) throws IOException {
        try (ServerSocket probe = new ServerSocket(port, 1, bind)) {
            LOG.debug("Port {} is free", probe.getLocalPort());
        } catch (IOException e) {
            throw new IOException("The database port " + bind.getHostAddress() + ":" + port
                    + " is in use or cannot be bound (" + e.getMessage() + "). Set db.port to a free port.", e);
        }
    }

    private static void setProperty(Map<String, @Nullable String> previous, String key, String value) {
        previous.put(key, System.getProperty(key));
        System.setProperty(key, value);
    }

    /** Passes the network server's console lines (start, stop, errors) to our log. */
    private static final class LogWriter extends Writer {
        private final StringBuilder line = new StringBuilder();

        @Override
        public synchronized void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    flushLine();
                } else if (c != '\r') {
                    line.append(c);
                }
            }
        }

        @Override
        public synchronized void flush() {
            // Lines are passed on when they end.
        }

        @Override
        public synchronized void close() {
            flushLine();
        }

        private void flushLine() {
            if (line.indexOf("Could not connect to Derby Network Server") >= 0) {
                LOG.debug("Derby: {}", line); // our own readiness check before the server listens
            } else if (line.length() > 0) {
                LOG.info("Derby: {}", line);
                line.setLength(0);
            }
        }
    }
}
