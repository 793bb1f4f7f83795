// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;

import org.sohosip.client.core.internal.Json;
import org.sohosip.core.Account;
import org.sohosip.core.api.ApiError;
import org.sohosip.core.api.LoginResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A real HTTPS server on a free loopback port that logs every request (method, path with query, authorization and
 * body) and answers each {@code METHOD path} with what the test put in {@link #answers}, as {@code docs/api.md}
 * describes the gateway, dial-plan, billing and click-to-call endpoints.
 */
final class GatewayApiServer implements AutoCloseable {

    static final String TOKEN = "tok-gateway-admin";

    /** One request as the server saw it. */
    record Request(String method, String pathAndQuery, String authorization, String body) {
    }

    /** What to answer: status, body (JSON-encoded unless it is a {@code byte[]}) and content type. */
    record Answer(int status, Object body, String contentType) {
        static Answer json(int status, Object body) {
            return new Answer(status, body, "application/json");
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final HttpsServer server;
    private final ObjectMapper json = Json.mapper();

    GatewayApiServer(TestCertificates cert) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(new javax.net.ssl.KeyManager[] { cert.keys }, null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/api/v1/", this::handle);
        server.start();
        answers.put("POST /api/v1/auth/login", Answer.json(200, new LoginResponse(TOKEN,
                Instant.now().plusSeconds(3600), new Account(1, "alice", "Alice", "3301", List.of(), true, true))));
        answers.put("POST /api/v1/auth/logout", Answer.json(204, ""));
    }

    URI uri() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    /** @return the requests after the login, as {@code METHOD path?query} */
    List<String> lines() {
        return requests.stream().filter(r -> !r.pathAndQuery().startsWith("/api/v1/auth/"))
                .map(r -> r.method() + " " + r.pathAndQuery()).toList();
    }

    /** @return the last request that was not a login or logout */
    Request last() {
        List<Request> r = requests.stream().filter(x -> !x.pathAndQuery().startsWith("/api/v1/auth/")).toList();
        return r.get(r.size() - 1);
    }

    private void handle(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String raw = x.getRequestURI().getRawPath()
                + (x.getRequestURI().getRawQuery() == null ? "" : "?" + x.getRequestURI().getRawQuery());
        requests.add(new Request(x.getRequestMethod(), raw,
                String.valueOf(x.getRequestHeaders().getFirst("Authorization")), body));
        Answer a = answers.getOrDefault(x.getRequestMethod() + " " + x.getRequestURI().getPath(),
                Answer.json(404, new ApiError(404, "not_found", "No such resource.", Map.of())));
        if (a.status() == 204) {
            x.sendResponseHeaders(204, -1);
            x.close();
            return;
        }
        byte[] bytes = a.body() instanceof byte[] b ? b : json.writeValueAsBytes(a.body());
        x.getResponseHeaders().set("Content-Type", a.contentType());
        x.sendResponseHeaders(a.status(), bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
