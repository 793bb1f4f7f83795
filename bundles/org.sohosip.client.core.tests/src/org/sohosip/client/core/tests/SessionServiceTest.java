// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.sohosip.client.core.AccountService;
import org.sohosip.client.core.ApiException;
import org.sohosip.client.core.KnownServersFile;
import org.sohosip.client.core.SessionEvent;
import org.sohosip.client.core.SessionService;
import org.sohosip.client.core.SessionState;
import org.sohosip.client.core.internal.SessionServiceImpl;

/** The session: states, automatic refresh before expiry, lost connection and recovery. */
class SessionServiceTest {

    private static TestCertificates cert;

    @TempDir
    Path dir;
    private CannedServer server;
    private SessionServiceImpl session;
    private final List<SessionEvent> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void certificate(@TempDir Path certs) throws Exception {
        cert = TestCertificates.generate(certs, "pbx");
    }

    @BeforeEach
    void start() throws Exception {
        server = new CannedServer(cert);
        session = new SessionServiceImpl(new KnownServersFile(dir.resolve("known")), Duration.ofMillis(200));
        session.addListener(events::add);
    }

    @AfterEach
    void stop() {
        session.logout();
        server.close();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("Timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private List<SessionState> states() {
        return events.stream().map(SessionEvent::state).toList();
    }

    @Test
    void loginAndLogoutChangeStateAndTellListeners() {
        session.login(server.uri(), "alice", CannedServer.PASSWORD.toCharArray(), c -> true);
        assertEquals(SessionState.LOGGED_IN, session.state());
        assertEquals("alice", session.account().orElseThrow().username());
        assertEquals(3, ((AccountService) session).accounts().size() + 1);
        session.logout();
        assertEquals(List.of(SessionState.CONNECTING, SessionState.LOGGED_IN, SessionState.LOGGED_OUT), states());
        assertTrue(server.liveTokens().isEmpty(), "logout must end the token on the server");
        assertFalse(session.account().isPresent());
    }

    @Test
    void failedLoginEndsLoggedOutWithTheReason() {
        ApiException e = assertThrows(ApiException.class,
                () -> session.login(server.uri(), "alice", "wrong".toCharArray(), c -> true));
        assertEquals(401, e.status());
        assertEquals(SessionState.LOGGED_OUT, session.state());
        assertEquals("Wrong user name or password.", session.current().message());
    }

    @Test
    void tokenIsRefreshedBeforeItExpires() throws Exception {
        server.tokenLife = Duration.ofSeconds(2);
        session.login(server.uri(), "alice", CannedServer.PASSWORD.toCharArray(), c -> true);
        await("two refreshes", () -> server.refreshes.get() >= 2);
        assertEquals(SessionState.LOGGED_IN, session.state());
        assertEquals(1, server.liveTokens().size(), "each refresh replaces the token");
        assertEquals(3, session.accounts().size() + 1);
    }

    @Test
    void failedRefreshLosesConnectionThenRecovers() throws Exception {
        server.tokenLife = Duration.ofSeconds(2);
        server.refreshStatus = 503;
        session.login(server.uri(), "alice", CannedServer.PASSWORD.toCharArray(), c -> true);
        await("connection lost", () -> session.state() == SessionState.CONNECTION_LOST);
        assertEquals("Try again later.", session.current().message());
        int failed = server.refreshes.get();
        await("a retry", () -> server.refreshes.get() > failed);
        server.tokenLife = Duration.ofHours(1);
        server.refreshStatus = 200;
        await("recovery", () -> session.state() == SessionState.LOGGED_IN);
        assertEquals("alice", session.account().orElseThrow().username());
    }

    @Test
    void neitherPasswordNorTokenIsShown() {
        session.login(server.uri(), "alice", CannedServer.PASSWORD.toCharArray(), c -> true);
        String token = server.liveTokens().iterator().next();
        for (Object o : List.of(session, session.current())) {
            assertFalse(o.toString().contains(token) || o.toString().contains(CannedServer.PASSWORD), o.toString());
        }
    }

    @Test
    void isRegisteredAsServices() {
        BundleContext ctx = FrameworkUtil.getBundle(SessionServiceImpl.class).getBundleContext();
        ServiceReference<SessionService> ref = ctx.getServiceReference(SessionService.class);
        assertTrue(ref != null, "SessionService component must be registered");
        SessionService s = ctx.getService(ref);
        assertTrue(s instanceof AccountService);
        assertEquals(SessionState.LOGGED_OUT, s.state());
        ctx.ungetService(ref);
    }
}
