// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.gateway.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The real store, gateway controller and SIP proxy, started once per test run through ConfigAdmin with a temporary
 * data folder, free database and SIP ports on loopback and a short reconnect pause.
 */
final class GatewayTestServer {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Longest pause between connection attempts in these tests. */
    static final int RECONNECT_SECONDS = 2;

    private static GatewayTestServer instance;

    final BundleContext context;
    final Path dataDir;
    final Path configDir;
    /** The SIP proxy's port (UDP and TCP) on 127.0.0.1; it offers MD5 digest only, as the test phone answers. */
    final int sipPort;

    static synchronized GatewayTestServer get() throws Exception {
        if (instance == null) {
            instance = new GatewayTestServer();
        }
        return instance;
    }

    private GatewayTestServer() throws Exception {
        context = FrameworkUtil.getBundle(GatewayTestServer.class).getBundleContext();
        ConfigurationAdmin admin = service(ConfigurationAdmin.class);
        dataDir = Files.createTempDirectory("sohosip-gateway-it");
        configDir = dataDir.resolve("asterisk");
        Hashtable<String, Object> store = new Hashtable<>();
        store.put("dataDir", dataDir.toString());
        store.put("db.host", "127.0.0.1");
        store.put("db.port", freePort());
        admin.getConfiguration("org.sohosip.server.store", "?").update(store);
        Hashtable<String, Object> gateway = new Hashtable<>();
        gateway.put("dataDir", dataDir.toString());
        gateway.put("gateway.configDir", configDir.toString());
        gateway.put("gateway.reconnectSeconds", RECONNECT_SECONDS);
        gateway.put("gateway.proxyHost", "127.0.0.1");
        gateway.put("gateway.proxyPort", 5060);
        gateway.put("sip.domain", "office.example");
        admin.getConfiguration("org.sohosip.server.gateway", "?").update(gateway);
        sipPort = freePort();
        Hashtable<String, Object> proxy = new Hashtable<>();
        proxy.put("sip.host", "127.0.0.1");
        proxy.put("sip.port", sipPort);
        proxy.put("sip.domain", "office.example");
        proxy.put("sip.auth.algorithms", "MD5");
        proxy.put("sip.rateLimit", 0);
        admin.getConfiguration("org.sohosip.server.proxy", "?").update(proxy);
    }

    <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(TIMEOUT.toMillis());
        if (service == null) {
            throw new AssertionError(type.getSimpleName() + " did not appear within " + TIMEOUT);
        }
        return service;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
