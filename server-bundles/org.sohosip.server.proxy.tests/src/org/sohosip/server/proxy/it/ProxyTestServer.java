// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.it;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.sohosip.core.Account;
import org.sohosip.server.proxy.SipProxy;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.CallRecordStore;
import org.sohosip.server.store.Credentials;

/**
 * The real store and proxy, started once per test run through ConfigAdmin on free loopback ports with a temporary
 * data folder, with a few accounts. Tests that change the proxy's configuration put the baseline back afterwards.
 */
final class ProxyTestServer {

    static final String DOMAIN = "test.sohosip";
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static ProxyTestServer instance;
    private static Exception failure;

    final BundleContext context;
    final Path dataDir;
    final int sipPort;
    final AccountStore accounts;
    final CallRecordStore calls;
    private final ConfigurationAdmin configAdmin;
    private final Map<String, Object> baseline = new HashMap<>();
    private int generation;

    static synchronized ProxyTestServer get() throws Exception {
        if (failure != null) {
            throw new IllegalStateException("The test server did not start", failure);
        }
        if (instance == null) {
            try {
                instance = new ProxyTestServer();
            } catch (Exception | AssertionError e) {
                failure = e instanceof Exception ex ? ex : new IllegalStateException(e);
                throw e;
            }
        }
        return instance;
    }

    private ProxyTestServer() throws Exception {
        context = FrameworkUtil.getBundle(ProxyTestServer.class).getBundleContext();
        configAdmin = service(ConfigurationAdmin.class);
        dataDir = Files.createTempDirectory("sohosip-proxy-it");
        Dictionary<String, Object> store = new Hashtable<>();
        store.put("dataDir", dataDir.toString());
        store.put("db.host", "127.0.0.1");
        store.put("db.port", freeTcpPort());
        configAdmin.getConfiguration("org.sohosip.server.store", "?").update(store);
        accounts = service(AccountStore.class);
        calls = service(CallRecordStore.class);
        account("alice", "3301", List.of("alice.smith"));
        account("bob", "3302", List.of("reception"));
        account("carol", "3303", List.of());
        account("dave", "3304", List.of());
        sipPort = freeSipPort();
        baseline.put("sip.host", "127.0.0.1");
        baseline.put("sip.port", sipPort);
        baseline.put("sip.domain", DOMAIN);
        baseline.put("sip.rateLimit", 0);
        baseline.put("sip.auth.lockAfter", 1000);
        baseline.put("sip.register.minExpires", 2);
        baseline.put("sip.ringSeconds", 30);
        configureProxy(Map.of());
    }

    static String password(String user) {
        return "secret-" + user + "-42";
    }

    private void account(String user, String extension, List<String> aliases) {
        if (accounts.findByUsername(user).isEmpty()) {
            accounts.create(new Account(0, user, user.substring(0, 1).toUpperCase() + user.substring(1), extension,
                    aliases, false, true), Credentials.derive(user, DOMAIN, password(user)));
        }
    }

    /**
     * Applies the baseline configuration with {@code overrides} and waits until the proxy has restarted with it
     * (every call restarts it, which is also how tests restart the proxy).
     */
    synchronized void configureProxy(Map<String, Object> overrides) throws Exception {
        long before = proxyServiceId();
        Dictionary<String, Object> properties = new Hashtable<>(baseline);
        overrides.forEach(properties::put);
        properties.put("test.generation", ++generation);
        configAdmin.getConfiguration("org.sohosip.server.proxy", "?").update(properties);
        await("the proxy to (re)start", () -> {
            long now = proxyServiceId();
            return now != -1 && now != before;
        });
    }

    SipProxy proxy() {
        ServiceReference<SipProxy> ref = context.getServiceReference(SipProxy.class);
        if (ref == null) {
            throw new AssertionError("The proxy is not running");
        }
        return context.getService(ref);
    }

    private long proxyServiceId() {
        ServiceReference<SipProxy> ref = context.getServiceReference(SipProxy.class);
        return ref == null ? -1 : (Long) ref.getProperty(Constants.SERVICE_ID);
    }

    Ua ua(String user, String transport) throws IOException {
        return new Ua(SipSocket.open(transport, sipPort), user, password(user), DOMAIN, sipPort);
    }

    /** A phone for {@code user}, registered over UDP, that behaves as {@code mode}. */
    TestPhone phone(String user, TestPhone.Mode mode) throws Exception {
        Ua ua = ua(user, "udp");
        SipMsg ok = ua.register(300, "SHA-256");
        if (ok.status() != 200) {
            ua.close();
            throw new AssertionError("Registration of " + user + " failed:\n" + ok);
        }
        return new TestPhone(ua, mode);
    }

    /** Removes every registration of a user (REGISTER with Contact: *). */
    void unregister(String user) throws Exception {
        try (Ua ua = ua(user, "udp")) {
            SipMsg ok = ua.register("*", 0, "MD5");
            if (ok.status() != 200) {
                throw new AssertionError("Unregistering " + user + " failed:\n" + ok);
            }
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(20); // polling a condition of the running server
        }
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(TIMEOUT.toMillis());
        if (service == null) {
            throw new AssertionError(type.getSimpleName() + " did not appear within " + TIMEOUT);
        }
        return service;
    }

    static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A port free for both UDP and TCP on loopback. */
    static int freeSipPort() throws IOException {
        for (int i = 0; i < 50; i++) {
            int port = freeTcpPort();
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    port))) {
                return port;
            } catch (IOException e) {
                // taken for UDP: try another
            }
        }
        throw new IOException("No port free for both UDP and TCP");
    }
}
