// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.tests;

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
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.sohosip.core.Account;
import org.sohosip.server.api.ServerCertificate;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.Credentials;

/**
 * The real SOHOSIP server inside the test framework, as the server product runs it: store, HTTPS API and gateway
 * controller started by their ConfigAdmin configurations on free loopback ports, with an administrator account.
 * Asterisk is played by the AMI test server bundle.
 */
final class RunningServer {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final String REALM = "admin.ui.test";
    static final String ADMIN = "officeadmin";
    static final String PASSWORD = "admin-ui-secret-1";

    private static RunningServer instance;

    final BundleContext context = FrameworkUtil.getBundle(RunningServer.class).getBundleContext();
    final Path dataDir;
    final int apiPort;

    static synchronized RunningServer get() throws Exception {
        if (instance == null) {
            instance = new RunningServer();
        }
        return instance;
    }

    private RunningServer() throws Exception {
        ConfigurationAdmin configAdmin = service(ConfigurationAdmin.class);
        dataDir = Files.createTempDirectory("sohosip-admin-ui");
        Dictionary<String, Object> store = new Hashtable<>();
        store.put("dataDir", dataDir.toString());
        store.put("db.host", "127.0.0.1");
        store.put("db.port", freePort());
        configAdmin.getConfiguration("org.sohosip.server.store", "?").update(store);
        AccountStore accounts = service(AccountStore.class);
        if (accounts.findByUsername(ADMIN).isEmpty()) {
            accounts.create(new Account(0, ADMIN, "Office Admin", "3300", List.of(), true, true),
                    Credentials.derive(ADMIN, REALM, PASSWORD));
        }
        Dictionary<String, Object> gateway = new Hashtable<>();
        gateway.put("dataDir", dataDir.toString());
        gateway.put("gateway.reconnectSeconds", 1);
        gateway.put("sip.domain", REALM);
        configAdmin.getConfiguration("org.sohosip.server.gateway", "?").update(gateway);
        apiPort = freePort();
        Dictionary<String, Object> api = new Hashtable<>();
        api.put("dataDir", dataDir.toString());
        api.put("api.host", "127.0.0.1");
        api.put("api.port", apiPort);
        api.put("sip.domain", REALM);
        configAdmin.getConfiguration("org.sohosip.server.api", "?").update(api);
        service(ServerCertificate.class);
        await("the API to listen on " + apiPort, () -> accepts(apiPort));
    }

    URI uri() {
        return URI.create("https://127.0.0.1:" + apiPort);
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
