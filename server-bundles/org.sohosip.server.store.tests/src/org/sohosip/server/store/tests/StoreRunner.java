// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.apache.derby.client.ClientAutoloadedDriver;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.DatabaseServer;
import org.sohosip.server.store.LoginRecordStore;
import org.sohosip.server.store.internal.StoreComponent;

/**
 * Starts and stops the real store component the way the server does: through its ConfigAdmin configuration, with a
 * temporary data folder and a port that was free when the test began.
 */
final class StoreRunner implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicBoolean FIRST_START = new AtomicBoolean(true);

    final Path dataDir;
    final int port;
    private final BundleContext context;
    private final ServiceTracker<AccountStore, AccountStore> accounts;
    private final ServiceTracker<LoginRecordStore, LoginRecordStore> logins;
    private final ServiceTracker<DatabaseServer, DatabaseServer> database;
    private Optional<Configuration> configuration = Optional.empty();
    private boolean ownsDataDir;
    private final Hashtable<String, Object> extra = new Hashtable<>();

    StoreRunner(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
        this.context = FrameworkUtil.getBundle(StoreRunner.class).getBundleContext();
        accounts = new ServiceTracker<>(context, AccountStore.class, null);
        logins = new ServiceTracker<>(context, LoginRecordStore.class, null);
        database = new ServiceTracker<>(context, DatabaseServer.class, null);
        accounts.open();
        logins.open();
        database.open();
    }

    /** A store on a new temporary data folder and a free loopback port. */
    static StoreRunner fresh() throws IOException {
        StoreRunner runner = new StoreRunner(Files.createTempDirectory("sohosip-store-"), freePort());
        runner.ownsDataDir = true;
        return runner;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Adds a configuration property (e.g. {@code voicemail.maxMessages}) for the next start. */
    StoreRunner with(String key, Object value) {
        extra.put(key, value);
        return this;
    }

    /** Creates the configuration. */
    void configure() throws IOException {
        Hashtable<String, Object> properties = new Hashtable<>(extra);
        properties.put("dataDir", dataDir.toString());
        properties.put("db.host", "127.0.0.1");
        properties.put("db.port", port);
        Configuration config = service(ConfigurationAdmin.class).getConfiguration(StoreComponent.PID, "?");
        config.update(properties);
        configuration = Optional.of(config);
    }

    /**
     * Creates the configuration and waits until all three services are registered.
     *
     * @return milliseconds from creating the configuration to the last service appearing
     */
    long start() throws Exception {
        boolean existed = Files.isDirectory(dataDir.resolve("db/sohosip"));
        long begin = System.nanoTime();
        configure();
        long deadline = begin + TIMEOUT.toNanos();
        while (database.isEmpty() || accounts.isEmpty() || logins.isEmpty()) {
            Optional<ComponentConfigurationDTO> state = componentState();
            if (state.isPresent() && state.get().state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                throw new AssertionError("The store failed to start: " + state.get().failure);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The store did not register its services within " + TIMEOUT);
            }
            Thread.sleep(5); // polling the registry and SCR's view of the component
        }
        long ms = (System.nanoTime() - begin) / 1_000_000;
        System.out.println("[FIGURE] store start (" + (FIRST_START.getAndSet(false) ? "first in this JVM, " : "")
                + (existed ? "existing" : "new") + " database): " + ms + " ms from configuration to services");
        return ms;
    }

    /** Deletes the configuration and waits until the database server is gone (it is withdrawn last). */
    void stop() throws Exception {
        if (configuration.isPresent()) {
            configuration.get().delete();
            configuration = Optional.empty();
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (hasServices() || componentState().filter(d -> d.state != ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION).isPresent()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The store did not stop within " + TIMEOUT);
            }
            Thread.sleep(10); // polling SCR's view of the component
        }
    }

    AccountStore accounts() {
        return required(accounts);
    }

    LoginRecordStore logins() {
        return required(logins);
    }

    /** Any other service of the running store, waited for. */
    <T> T other(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(TIMEOUT.toMillis());
        if (service == null) {
            throw new AssertionError(type.getSimpleName() + " is not registered");
        }
        return service;
    }

    DatabaseServer database() {
        return required(database);
    }

    boolean hasServices() {
        return !database.isEmpty() || !accounts.isEmpty() || !logins.isEmpty();
    }

    Path passwordFile() {
        return dataDir.resolve("db-password");
    }

    String password() throws IOException {
        return Files.readString(passwordFile()).strip();
    }

    /** Connects with Derby's network client as the owner, with the password from the file. */
    Connection connectAsOwner() throws SQLException, IOException {
        return connect("sohosip", password());
    }

    Connection connect(String user, String password) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        return connect(credentials);
    }

    Connection connect(Properties credentials) throws SQLException {
        return new ClientAutoloadedDriver().connect("jdbc:derby://127.0.0.1:" + port + "/sohosip", credentials);
    }

    /** @return the store component's configuration as SCR sees it, if there is one */
    Optional<ComponentConfigurationDTO> componentState() {
        ServiceComponentRuntime scr = service(ServiceComponentRuntime.class);
        ComponentDescriptionDTO description = scr.getComponentDescriptionDTO(context.getBundle(),
                StoreComponent.class.getName());
        if (description == null) {
            return Optional.empty();
        }
        return scr.getComponentConfigurationDTOs(description).stream().findFirst();
    }

    /** Waits until SCR reports the component's configuration in {@code state}. */
    ComponentConfigurationDTO awaitComponentState(int state) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Optional<ComponentConfigurationDTO> dto = componentState();
            if (dto.isPresent() && dto.get().state == state) {
                return dto.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The store component did not reach state " + state + " within " + TIMEOUT
                        + "; it is " + dto.map(d -> d.state + " " + d.failure).orElse("absent"));
            }
            Thread.sleep(10); // polling SCR's view of the component
        }
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } finally {
            accounts.close();
            logins.close();
            database.close();
            if (ownsDataDir) {
                try (Stream<Path> files = Files.walk(dataDir)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
        }
    }

    private <T> T service(Class<T> type) {
        var reference = context.getServiceReference(type);
        if (reference == null) {
            throw new AssertionError(type.getName() + " is not available in the test framework");
        }
        return context.getService(reference);
    }

    private static <T> T required(ServiceTracker<T, T> tracker) {
        T service = tracker.getService();
        if (service == null) {
            throw new AssertionError("The store's service is not registered");
        }
        return service;
    }
}
