// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.sohosip.core.Account;
import org.sohosip.server.api.ServerCertificate;
import org.sohosip.server.api.internal.TlsMaterial;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.Credentials;
import org.sohosip.server.store.LoginRecordStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.Servlet;

/**
 * The real store and API, started once per test run through ConfigAdmin on free loopback ports with a temporary
 * data folder, and an HTTPS client that trusts exactly the certificate the server generated there.
 */
final class ApiTestServer {

    static final String REALM = "test.sohosip";
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-secret-42";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static ApiTestServer instance;

    final BundleContext context;
    final Path dataDir;
    final int apiPort;
    final AccountStore accounts;
    final LoginRecordStore records;
    final ObjectMapper mapper = new ObjectMapper();
    private final ConfigurationAdmin configAdmin;
    private final Map<String, Object> baseline = new HashMap<>();
    private final List<ServiceTracker<?, ?>> trackers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private int generation;
    private HttpClient client;

    /** A response with its body parsed as JSON (or missing when there is none). */
    record Response(int status, HttpResponse<String> raw, JsonNode json) {
        String error() {
            return json.path("error").asText();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private static Exception failure;

    static synchronized ApiTestServer get() throws Exception {
        if (failure != null) {
            throw new IllegalStateException("The test server did not start", failure);
        }
        if (instance == null) {
            try {
                instance = new ApiTestServer();
            } catch (Exception | AssertionError e) {
                failure = e instanceof Exception ex ? ex : new IllegalStateException(e);
                throw e;
            }
        }
        return instance;
    }

    private ApiTestServer() throws Exception {
        LogCapture.install();
        LogCapture.SECRETS.add(ADMIN_PASSWORD);
        context = FrameworkUtil.getBundle(ApiTestServer.class).getBundleContext();
        configAdmin = service(ConfigurationAdmin.class, null);
        dataDir = Files.createTempDirectory("sohosip-api-it");
        int dbPort = freePort();
        apiPort = freePort();
        Dictionary<String, Object> store = new Hashtable<>();
        store.put("dataDir", dataDir.toString());
        store.put("db.host", "127.0.0.1");
        store.put("db.port", dbPort);
        configAdmin.getConfiguration("org.sohosip.server.store", "?").update(store);
        accounts = service(AccountStore.class, null);
        records = service(LoginRecordStore.class, null);
        if (accounts.findByUsername(ADMIN).isEmpty()) {
            accounts.create(new Account(0, ADMIN, "Office Admin", "10", List.of(), true, true),
                    Credentials.derive(ADMIN, REALM, ADMIN_PASSWORD));
        }
        baseline.put("dataDir", dataDir.toString());
        baseline.put("api.host", "127.0.0.1");
        baseline.put("api.port", apiPort);
        baseline.put("sip.domain", REALM);
        baseline.put("api.token.ttl", 3600L);
        // High limits for the ordinary tests; the throttle test lowers them for itself.
        baseline.put("api.login.slowAfter", 50);
        baseline.put("api.login.lockAfter", 100);
        baseline.put("api.login.lockSeconds", 300);
        configureApi(Map.of());
    }

    /** Applies the baseline configuration with {@code overrides}, and waits until the API serves with it. */
    void configureApi(Map<String, Object> overrides) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>(baseline);
        overrides.forEach(properties::put);
        properties.put("test.generation", ++generation);
        configAdmin.getConfiguration("org.sohosip.server.api", "?").update(properties);
        service(Servlet.class, "(test.generation=" + generation + ")");
        awaitServing();
    }

    /** Removes the API's configuration (the HTTPS port closes), as when the API is switched off. */
    void stopApi() throws Exception {
        Configuration configuration = configAdmin.getConfiguration("org.sohosip.server.api", "?");
        configuration.delete();
        await("the HTTPS port to close", () -> !accepts(apiPort));
    }

    void awaitServing() throws Exception {
        await("the API to answer on port " + apiPort, () -> {
            try {
                return client().send(HttpRequest.newBuilder(uri("/openapi.json")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** @return a client trusting only the certificate in {@code <dataDir>/tls} */
    synchronized HttpClient client() throws Exception {
        if (client == null) {
            Path folder = dataDir.resolve("tls");
            String password = Files.readString(folder.resolve(TlsMaterial.PASSWORD)).trim();
            KeyStore serverStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(folder.resolve(TlsMaterial.KEYSTORE))) {
                serverStore.load(in, password.toCharArray());
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("sohosip", serverStore.getCertificate(TlsMaterial.ALIAS));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, factory.getTrustManagers(), null);
            client = HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
        }
        return client;
    }

    URI uri(String path) {
        return URI.create("https://127.0.0.1:" + apiPort + "/api/v1" + path);
    }

    Response call(String method, String path, String token, String json) throws Exception {
        return send(method, path, token, json, "application/json");
    }

    Response send(String method, String path, String token, String body, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? mapper.missingNode() : mapper.readTree(response.body());
        if (json.has("token")) {
            LogCapture.SECRETS.add(json.path("token").asText());
        }
        return new Response(response.statusCode(), response, json);
    }

    Response login(String username, String password) throws Exception {
        LogCapture.SECRETS.add(password);
        return call("POST", "/auth/login", null, mapper.writeValueAsString(Map.of("username", username,
                "password", password)));
    }

    String adminToken() throws Exception {
        Response response = login(ADMIN, ADMIN_PASSWORD);
        if (response.status() != 200) {
            throw new AssertionError("admin login failed: " + response.raw().body());
        }
        return response.json().path("token").asText();
    }

    String fingerprint() throws Exception {
        return service(ServerCertificate.class, null).sha256Fingerprint();
    }

    <T> T service(Class<T> type, String filter) throws Exception {
        String spec = "(objectClass=" + type.getName() + ")";
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, filter == null ? context.createFilter(spec)
                : context.createFilter("(&" + spec + filter + ")"), null);
        tracker.open();
        // Left open: closing would unget the service, and per-bundle service objects (ConfigurationAdmin) then die.
        trackers.add(tracker);
        T service = tracker.waitForService(TIMEOUT.toMillis());
        assertNotNull(service, type.getSimpleName() + " " + (filter == null ? "" : filter) + " did not appear");
        return service;
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until the condition holds, polling briefly, or fails after the timeout. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
