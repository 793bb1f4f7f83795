// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
import org.sohosip.media.AudioEndpoints;
import org.sohosip.media.MediaSessions;
import org.sohosip.server.proxy.CallApplication;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.Credentials;
import org.sohosip.server.store.VoicemailStore;

/**
 * The real store, proxy, media and voicemail, started once per test run through ConfigAdmin on free loopback ports
 * with a temporary data folder and a few accounts.
 */
final class VoicemailTestServer {

    static final String DOMAIN = "vm.sohosip";
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static VoicemailTestServer instance;

    final BundleContext context;
    final int sipPort;
    final AccountStore accounts;
    final VoicemailStore voicemail;
    final MediaSessions media;
    final AudioEndpoints audio;

    static synchronized VoicemailTestServer get() throws Exception {
        if (instance == null) {
            instance = new VoicemailTestServer();
        }
        return instance;
    }

    private VoicemailTestServer() throws Exception {
        context = FrameworkUtil.getBundle(VoicemailTestServer.class).getBundleContext();
        ConfigurationAdmin configAdmin = service(ConfigurationAdmin.class);
        Path dataDir = Files.createTempDirectory("sohosip-voicemail-it");
        Dictionary<String, Object> store = new Hashtable<>();
        store.put("dataDir", dataDir.toString());
        store.put("db.port", freeTcpPort());
        configAdmin.getConfiguration("org.sohosip.server.store", "?").update(store);
        accounts = service(AccountStore.class);
        voicemail = service(VoicemailStore.class);
        media = service(MediaSessions.class);
        audio = service(AudioEndpoints.class);
        account("alice", "3301");
        account("bob", "3302");
        account("carol", "3303");
        sipPort = freeSipPort();
        Dictionary<String, Object> proxy = new Hashtable<>();
        proxy.put("sip.host", "127.0.0.1");
        proxy.put("sip.port", sipPort);
        proxy.put("sip.domain", DOMAIN);
        proxy.put("sip.rateLimit", 0);
        proxy.put("sip.register.minExpires", 2);
        proxy.put("voicemail.noAnswerSeconds", 2);
        configAdmin.getConfiguration("org.sohosip.server.proxy", "?").update(proxy);
        Dictionary<String, Object> vm = new Hashtable<>();
        vm.put("voicemail.port", 0);
        vm.put("voicemail.minSeconds", 1);
        vm.put("voicemail.silenceSeconds", 4);
        vm.put("voicemail.maxSeconds", 20);
        vm.put("voicemail.noAnswerSeconds", 2);
        configAdmin.getConfiguration(VoicemailComponent.PID, "?").update(vm);
        service(CallApplication.class);
    }

    static String password(String user) {
        return "secret-" + user + "-42";
    }

    Account account(String user) {
        return accounts.findByUsername(user).orElseThrow();
    }

    /** Creates the account unless it exists (each test class uses mailboxes of its own where it changes them). */
    void account(String user, String extension) {
        if (accounts.findByUsername(user).isEmpty()) {
            accounts.create(new Account(0, user, user.substring(0, 1).toUpperCase() + user.substring(1), extension,
                    List.of(), false, true), Credentials.derive(user, DOMAIN, password(user)));
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

    <T> T service(Class<T> type) throws InterruptedException {
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
