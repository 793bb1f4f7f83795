// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import org.sohosip.client.core.internal.Json;
import org.sohosip.core.Account;
import org.sohosip.core.AccountRules;
import org.sohosip.core.LoginEvent;
import org.sohosip.core.LoginRecord;
import org.sohosip.core.api.ApiError;
import org.sohosip.core.api.LoginRequest;
import org.sohosip.core.api.LoginResponse;
import org.sohosip.core.api.NewAccount;
import org.sohosip.core.api.SipSettings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A real HTTPS server on a free loopback port answering the SOHOSIP API with canned data, following the API
 * contract closely enough for the client: tokens, refresh, admin endpoints, error bodies with field messages.
 */
final class CannedServer implements AutoCloseable {

    static final String PASSWORD = "correct-horse";

    final AtomicInteger refreshes = new AtomicInteger();
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile int refreshStatus = 200;
    volatile Duration tokenLife = Duration.ofHours(1);
    /** The SIP port {@code GET /api/v1/sip} names; 0 answers 404 like a server without telephony. */
    volatile int sipPort = 5060;

    private final HttpsServer server;
    private final ObjectMapper json = Json.mapper();
    private final Map<String, Account> tokens = new ConcurrentHashMap<>();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(2);

    private final SwitchableKeys keys;

    CannedServer(TestCertificates certificate) throws Exception {
        keys = new SwitchableKeys(certificate.keys);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(new javax.net.ssl.KeyManager[] { keys }, null, null);
        accounts.put("alice", new Account(1, "alice", "Alice Admin", "3301", List.of("reception"), true, true));
        accounts.put("bob", new Account(2, "bob", "Bob Builder", "3302", List.of(), false, true));
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/api/v1/", this::handle);
        server.start();
    }

    /** New connections present {@code certificate} from now on. */
    void useCertificate(TestCertificates certificate) {
        keys.use(certificate.keys);
    }

    URI uri() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    Set<String> liveTokens() {
        return tokens.keySet();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        String route = x.getRequestMethod() + " " + x.getRequestURI().getPath();
        requests.add(route);
        try {
            if (route.equals("POST /api/v1/auth/login")) {
                LoginRequest r = json.readValue(x.getRequestBody(), LoginRequest.class);
                Account a = accounts.get(r.username());
                if (a == null || !PASSWORD.equals(r.password())) {
                    error(x, 401, "unauthorized", "Wrong user name or password.", Map.of());
                    return;
                }
                send(x, 200, issue(a));
                return;
            }
            Account caller = tokens.get(bearer(x));
            if (caller == null) {
                error(x, 401, "unauthorized", "Log in first.", Map.of());
                return;
            }
            switch (route) {
                case "POST /api/v1/auth/refresh" -> refresh(x, caller);
                case "POST /api/v1/auth/logout" -> {
                    tokens.remove(bearer(x));
                    send(x, 204, null);
                }
                case "GET /api/v1/me" -> send(x, 200, caller);
                case "GET /api/v1/sip" -> {
                    if (sipPort == 0) {
                        error(x, 404, "not_found", "No such resource.", Map.of());
                    } else {
                        send(x, 200, new SipSettings("sohosip.local", sipPort, List.of("udp", "tcp")));
                    }
                }
                case "GET /api/v1/accounts" -> send(x, 200, new ArrayList<>(accounts.values()));
                case "POST /api/v1/accounts" -> create(x);
                case "GET /api/v1/login-records" -> send(x, 200, List.of(
                        new LoginRecord(2, "bob", LoginEvent.FAILED, "127.0.0.1", Instant.parse("2026-01-02T10:00:00Z")),
                        new LoginRecord(1, "alice", LoginEvent.LOGIN, "127.0.0.1", Instant.parse("2026-01-01T10:00:00Z"))));
                default -> error(x, 404, "not_found", "No such resource.", Map.of());
            }
        } catch (RuntimeException e) {
            error(x, 500, "internal", "Canned server failed: " + e, Map.of());
        }
    }

    private void refresh(HttpExchange x, Account caller) throws IOException {
        refreshes.incrementAndGet();
        if (refreshStatus != 200) {
            error(x, refreshStatus, "unavailable", "Try again later.", Map.of());
            return;
        }
        tokens.remove(bearer(x));
        send(x, 200, issue(caller));
    }

    private void create(HttpExchange x) throws IOException {
        NewAccount n = json.readValue(x.getRequestBody(), NewAccount.class);
        Map<String, String> fields = new LinkedHashMap<>();
        AccountRules.checkUsername(n.username()).ifPresent(m -> fields.put("username", m));
        AccountRules.checkExtension(n.extension()).ifPresent(m -> fields.put("extension", m));
        AccountRules.checkPassword(n.password()).ifPresent(m -> fields.put("password", m));
        if (!fields.isEmpty()) {
            error(x, 400, "invalid_field", "Some fields are not valid.", fields);
            return;
        }
        if (accounts.containsKey(n.username())) {
            error(x, 409, "duplicate", "That user name is taken.",
                    Map.of("username", "The user name '" + n.username() + "' is already taken."));
            return;
        }
        Account a = new Account(ids.incrementAndGet(), n.username(), n.displayName(), n.extension(),
                n.aliases() == null ? List.of() : n.aliases(), Boolean.TRUE.equals(n.admin()), true);
        accounts.put(a.username(), a);
        send(x, 201, a);
    }

    private LoginResponse issue(Account a) {
        String token = "tok-" + java.util.UUID.randomUUID();
        tokens.put(token, a);
        return new LoginResponse(token, Instant.now().plus(tokenLife), a);
    }

    private static String bearer(HttpExchange x) {
        String h = x.getRequestHeaders().getFirst("Authorization");
        return h != null && h.startsWith("Bearer ") ? h.substring(7) : "";
    }

    private void error(HttpExchange x, int status, String code, String message, Map<String, String> fields)
            throws IOException {
        send(x, status, new ApiError(status, code, message, fields));
    }

    private void send(HttpExchange x, int status, Object body) throws IOException {
        if (body == null) {
            x.sendResponseHeaders(status, -1);
            x.close();
            return;
        }
        byte[] bytes = json.writeValueAsBytes(body);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }
}
