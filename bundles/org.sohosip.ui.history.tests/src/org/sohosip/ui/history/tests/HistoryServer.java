// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.history.tests;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.sohosip.client.core.internal.Json;
import org.sohosip.core.Account;
import org.sohosip.core.api.ApiError;
import org.sohosip.core.api.CallHistoryEntry;
import org.sohosip.core.api.LoginResponse;
import org.sohosip.ui.testing.LoopbackHttps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsServer;

/**
 * A real HTTPS endpoint on a free loopback port that answers login and {@code GET /api/v1/me/calls} as the API
 * contract says (filters by direction, disposition and start time, newest first, limit), so that the History part
 * runs against the real client services. It records every query it was asked and can hold an answer back, to
 * show the part loading.
 */
final class HistoryServer implements AutoCloseable {

    final List<String> queries = new CopyOnWriteArrayList<>();
    volatile CountDownLatch hold = new CountDownLatch(0);
    private final List<CallHistoryEntry> calls;
    private final HttpsServer server;
    private final ObjectMapper json = Json.mapper();

    HistoryServer(Path dir, List<CallHistoryEntry> calls) throws Exception {
        this.calls = calls;
        server = LoopbackHttps.start(dir, this::handle);
    }

    URI uri() {
        return LoopbackHttps.uri(server);
    }

    @Override
    public void close() {
        hold.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        String route = x.getRequestMethod() + " " + x.getRequestURI().getPath();
        switch (route) {
            case "POST /api/v1/auth/login" -> send(x, 200, new LoginResponse("tok-history",
                    Instant.now().plusSeconds(3600), new Account(1, "alice", "Alice", "3301", List.of(), false, true)));
            case "POST /api/v1/auth/logout" -> send(x, 204, null);
            case "GET /api/v1/me/calls" -> {
                String q = x.getRequestURI().getRawQuery();
                queries.add(q);
                try {
                    hold.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(x, 200, answer(params(q)));
            }
            default -> send(x, 404, new ApiError(404, "not_found", "No such resource.", Map.of()));
        }
    }

    private List<CallHistoryEntry> answer(Map<String, String> p) {
        Stream<CallHistoryEntry> s = calls.stream();
        if (p.containsKey("direction")) {
            s = s.filter(c -> c.direction().name().toLowerCase(Locale.ROOT).equals(p.get("direction")));
        }
        if (p.containsKey("disposition")) {
            s = s.filter(c -> c.disposition().name().toLowerCase(Locale.ROOT).equals(p.get("disposition")));
        }
        if (p.containsKey("from")) {
            Instant from = Instant.parse(p.get("from"));
            s = s.filter(c -> !c.start().isBefore(from));
        }
        if (p.containsKey("to")) {
            Instant to = Instant.parse(p.get("to"));
            s = s.filter(c -> c.start().isBefore(to));
        }
        return s.sorted((a, b) -> b.start().compareTo(a.start()))
                .limit(Long.parseLong(p.getOrDefault("limit", "200"))).toList();
    }

    private static Map<String, String> params(String query) {
        Map<String, String> m = new HashMap<>();
        if (query != null) {
            for (String kv : query.split("&")) {
                int i = kv.indexOf('=');
                m.put(kv.substring(0, i), kv.substring(i + 1));
            }
        }
        return m;
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
