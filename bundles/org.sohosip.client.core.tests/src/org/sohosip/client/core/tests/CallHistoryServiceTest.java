// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.sohosip.client.core.ApiException;
import org.sohosip.client.core.CallHistoryService;
import org.sohosip.client.core.ClientException;
import org.sohosip.client.core.KnownServersFile;
import org.sohosip.client.core.internal.CallHistoryServiceImpl;
import org.sohosip.client.core.internal.Json;
import org.sohosip.client.core.internal.SessionServiceImpl;
import org.sohosip.core.Account;
import org.sohosip.core.CallDirection;
import org.sohosip.core.CallDisposition;
import org.sohosip.core.api.ApiError;
import org.sohosip.core.api.CallHistoryEntry;
import org.sohosip.core.api.LoginResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * The call history service over real HTTPS with the real session: the request it sends ({@code GET
 * /api/v1/me/calls} with the session's token and the filters as query parameters) and how it reads the answer
 * and errors. The server is a small HTTPS endpoint on loopback answering as the API contract says.
 */
class CallHistoryServiceTest {

    private static final String TOKEN = "tok-history";
    private static final List<CallHistoryEntry> ENTRIES = List.of(
            new CallHistoryEntry(12, CallDirection.INCOMING, "3302", "Bob \u201cthe\u201d Builder",
                    Instant.parse("2026-11-26T09:10:00Z"), null, Instant.parse("2026-11-26T09:10:20Z"), 0,
                    CallDisposition.MISSED),
            new CallHistoryEntry(11, CallDirection.OUTGOING, "carol", null, Instant.parse("2026-11-25T16:00:00Z"),
                    Instant.parse("2026-11-25T16:00:05Z"), Instant.parse("2026-11-25T16:02:05Z"), 120,
                    CallDisposition.ANSWERED));

    private static TestCertificates cert;

    @TempDir
    Path dir;
    private HttpsServer server;
    private final ObjectMapper json = Json.mapper();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile int callsStatus = 200;
    private SessionServiceImpl session;
    private CallHistoryServiceImpl history;

    @BeforeAll
    static void certificate(@TempDir Path certs) throws Exception {
        cert = TestCertificates.generate(certs, "pbx");
    }

    @BeforeEach
    void start() throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(new javax.net.ssl.KeyManager[] { cert.keys }, null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/api/v1/", this::handle);
        server.start();
        session = new SessionServiceImpl(new KnownServersFile(dir.resolve("known")), Duration.ofSeconds(1));
        history = new CallHistoryServiceImpl(session);
    }

    @AfterEach
    void stop() {
        session.logout();
        server.stop(0);
    }

    private URI uri() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange x) throws IOException {
        String route = x.getRequestMethod() + " " + x.getRequestURI().getPath();
        switch (route) {
            case "POST /api/v1/auth/login" -> send(x, 200, new LoginResponse(TOKEN, Instant.now().plusSeconds(3600),
                    new Account(1, "alice", "Alice", "3301", List.of(), false, true)));
            case "POST /api/v1/auth/logout" -> send(x, 204, null);
            case "GET /api/v1/me/calls" -> {
                queries.add(String.valueOf(x.getRequestURI().getRawQuery()));
                authorizations.add(String.valueOf(x.getRequestHeaders().getFirst("Authorization")));
                if (callsStatus == 400) {
                    send(x, 400, new ApiError(400, "invalid_field", "Some parameters are not valid.",
                            Map.of("disposition", "Use answered, missed, busy, failed or cancelled.")));
                } else {
                    send(x, 200, ENTRIES);
                }
            }
            default -> send(x, 404, new ApiError(404, "not_found", "No such resource.", Map.of()));
        }
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

    private void login() {
        session.login(uri(), "alice", "secret-1234".toCharArray(), c -> true);
    }

    @Test
    void readsTheHistoryWithTheSessionTokenAndEveryFilter() {
        login();
        List<CallHistoryEntry> got = history.calls(CallDirection.INCOMING, CallDisposition.MISSED,
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"), 50);
        assertEquals(List.of("direction=incoming&disposition=missed&from=2026-11-01T00:00:00Z"
                + "&to=2026-12-01T00:00:00Z&limit=50"), queries);
        assertEquals(List.of("Bearer " + TOKEN), authorizations);
        assertEquals(ENTRIES, got, "every field, the display name's quotes and a missing answer time survive");
        assertNull(got.get(0).answer());
    }

    @Test
    void withoutFiltersOnlyTheLimitIsSentAndItIsKeptWithinTheServersRange() {
        login();
        history.calls(null, null, null, null, 5000);
        history.calls(CallDirection.OUTGOING, null, null, null, 0);
        assertEquals(List.of("limit=1000", "direction=outgoing&limit=1"), queries);
    }

    @Test
    void serverErrorsComeBackWithTheirFieldMessages() {
        login();
        callsStatus = 400;
        ApiException e = assertThrows(ApiException.class,
                () -> history.calls(null, CallDisposition.BUSY, null, null, 10));
        assertEquals(400, e.status());
        assertEquals("invalid_field", e.code());
        assertTrue(e.fieldErrors().containsKey("disposition"), e.fieldErrors().toString());
    }

    @Test
    void anEmptyDateRangeIsRefusedBeforeAnyRequest() {
        login();
        Instant t = Instant.parse("2026-11-26T00:00:00Z");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> history.calls(null, null, t, t, 10));
        assertEquals("The start of the date range must be before its end.", e.getMessage());
        assertTrue(queries.isEmpty());
    }

    @Test
    void withoutLoginItSaysSoAndSendsNothing() {
        ClientException e = assertThrows(ClientException.class, () -> history.calls(null, null, null, null, 10));
        assertEquals("You are not logged in.", e.getMessage());
        assertTrue(queries.isEmpty());
    }

    @Test
    void isRegisteredAsAService() {
        BundleContext ctx = FrameworkUtil.getBundle(CallHistoryServiceImpl.class).getBundleContext();
        ServiceReference<CallHistoryService> ref = ctx.getServiceReference(CallHistoryService.class);
        assertTrue(ref != null, "CallHistoryService component must be registered");
        CallHistoryService s = ctx.getService(ref);
        try {
            // the registered one uses the registered session, which is logged out
            ClientException e = assertThrows(ClientException.class, () -> s.calls(null, null, null, null, 10));
            assertEquals("You are not logged in.", e.getMessage());
        } finally {
            ctx.ungetService(ref);
        }
    }
}
