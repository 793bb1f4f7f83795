// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.contacts.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.sohosip.client.core.ContactService;
import org.sohosip.client.core.SessionService;
import org.sohosip.core.Account;
import org.sohosip.server.api.ServerCertificate;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.Credentials;

/**
 * The real SOHOSIP server (store and HTTPS API) inside the test framework on free loopback ports, and the real
 * client services logged in to it: the phonebook UI is tested against the real thing end to end.
 */
final class RunningServer {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final String REALM = "ui.test";
    static final String PASSWORD = "contacts-ui-secret-1";

    private static RunningServer instance;

    final BundleContext context = FrameworkUtil.getBundle(RunningServer.class).getBundleContext();
    final Path dataDir;
    final int apiPort;
    final AccountStore accounts;
    private final ConfigurationAdmin configAdmin;
    private final Hashtable<String, Object> api = new Hashtable<>();

    static synchronized RunningServer get() throws Exception {
        if (instance == null) {
            instance = new RunningServer();
        }
        return instance;
    }

    private RunningServer() throws Exception {
        configAdmin = service(ConfigurationAdmin.class);
        dataDir = Files.createTempDirectory("sohosip-contacts-ui");
        Dictionary<String, Object> store = new Hashtable<>();
        store.put("dataDir", dataDir.toString());
        store.put("db.host", "127.0.0.1");
        store.put("db.port", freePort());
        configAdmin.getConfiguration("org.sohosip.server.store", "?").update(store);
        accounts = service(AccountStore.class);
        apiPort = freePort();
        api.put("dataDir", dataDir.toString());
        api.put("api.host", "127.0.0.1");
        api.put("api.port", apiPort);
        api.put("sip.domain", REALM);
        startApi();
    }

    URI uri() {
        return URI.create("https://127.0.0.1:" + apiPort);
    }

    /** Starts (again) the HTTPS API and waits until it accepts connections. */
    void startApi() throws Exception {
        configAdmin.getConfiguration("org.sohosip.server.api", "?").update(api);
        service(ServerCertificate.class);
        await("the API to listen on " + apiPort, () -> accepts(apiPort));
    }

    /** Stops the HTTPS API (the server becomes unreachable for the client) and waits until the port is closed. */
    void stopApi() throws Exception {
        Configuration c = configAdmin.getConfiguration("org.sohosip.server.api", "?");
        c.delete();
        await("the API port to close", () -> !accepts(apiPort));
    }

    Account user(String username, String extension) {
        return accounts.findByUsername(username).orElseGet(() -> accounts.create(new Account(0, username,
                "User " + username, extension, List.of(), false, true), Credentials.derive(username, REALM,
                        PASSWORD)));
    }

    /** Logs the client in as {@code username} and returns its phonebook, loaded from the server. */
    ContactService login(String username, String extension) throws Exception {
        user(username, extension);
        SessionService session = service(SessionService.class);
        session.login(uri(), username, PASSWORD.toCharArray(), certificate -> true);
        ContactService contacts = service(ContactService.class);
        contacts.refresh();
        return contacts;
    }

    <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open(); // left open: closing would unget per-bundle services
        T s = tracker.waitForService(TIMEOUT.toMillis());
        if (s == null) {
            throw new AssertionError(type.getSimpleName() + " did not appear");
        }
        return s;
    }

    static boolean accepts(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(20); // polling a condition, not hoping: the deadline fails the test
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
