// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sohosip.core.Account;
import org.sohosip.core.LoginEvent;
import org.sohosip.core.LoginRecord;
import org.sohosip.server.api.it.ApiTestServer.Response;
import org.sohosip.server.store.Credentials;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Login throttling per address: delays, then 429 with Retry-After, recorded and logged. */
class ThrottleIntegrationTest {

    private static final String PASSWORD = "throttled-secret-8821";
    private static final String WRONG = "throttle-wrong-4410";

    @AfterAll
    static void noSecretsLogged() {
        LogCapture.assertNoSecrets();
    }

    @Test
    void failuresSlowThenLockTheAddressUntilLockSecondsPass() throws Exception {
        ApiTestServer server = ApiTestServer.get();
        LogCapture.SECRETS.add(PASSWORD);
        LogCapture.SECRETS.add(WRONG);
        server.accounts.findByUsername("uma").orElseGet(() -> server.accounts.create(
                new Account(0, "uma", "Uma", "601", List.of(), false, true),
                Credentials.derive("uma", ApiTestServer.REALM, PASSWORD)));
        server.configureApi(Map.of("api.login.slowAfter", 2, "api.login.lockAfter", 4, "api.login.lockSeconds", 3));
        try {
            assertEquals(401, server.login("uma", WRONG).status());
            assertEquals(401, server.login("uma", WRONG).status());
            long start = System.nanoTime();
            assertEquals(401, server.login("uma", WRONG).status());
            long thirdMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(thirdMillis >= 250, "the third failure is answered late: " + thirdMillis + " ms");
            start = System.nanoTime();
            assertEquals(401, server.login("uma", WRONG).status(), "the fourth failure is still checked");
            long fourthMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(fourthMillis >= 500, "and later still: " + fourthMillis + " ms");

            Response refused = server.login("uma", PASSWORD);
            assertEquals(429, refused.status(), "even the right password is refused while locked");
            assertEquals("too_many_attempts", refused.error());
            int retryAfter = Integer.parseInt(refused.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 3, "Retry-After " + retryAfter);

            List<LoginRecord> records = server.records.forUser("uma", 10);
            assertEquals(LoginEvent.REFUSED, records.get(0).event());
            assertEquals("127.0.0.1", records.get(0).address());
            assertEquals(4, records.stream().filter(r -> r.event() == LoginEvent.FAILED).count());

            List<ILoggingEvent> warnings = LogCapture.events().stream().filter(e -> e.getLevel() == Level.WARN
                    && e.getFormattedMessage().contains("127.0.0.1") && e.getFormattedMessage().contains("refused"))
                    .toList();
            assertEquals(1, warnings.size(), "one WARN names the locked address");
            assertFalse(warnings.get(0).getFormattedMessage().contains(WRONG));

            ApiTestServer.await("the lock to end", () -> {
                try {
                    return server.login("uma", PASSWORD).status() == 200;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            server.configureApi(Map.of());
        }
    }

    @Test
    void delayedAnswersDoNotHoldTheServer() throws Exception {
        ApiTestServer server = ApiTestServer.get();
        // Many slowed-down attempts at once, then an ordinary request: it is answered while they wait.
        server.configureApi(Map.of("api.login.slowAfter", 1, "api.login.lockAfter", 1000));
        try {
            assertEquals(401, server.login("nobody-at-all", WRONG).status());
            for (int i = 0; i < 6; i++) {
                server.login("nobody-at-all", WRONG);
            }
            List<CompletableFuture<Response>> waiting = IntStream.range(0, 40).mapToObj(i -> CompletableFuture
                    .supplyAsync(() -> {
                        try {
                            return server.login("nobody-at-all", WRONG);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })).toList();
            long start = System.nanoTime();
            assertEquals(200, server.call("GET", "/openapi.json", null, null).status());
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("FIGURE openapi.json answered in %d ms while 40 delayed logins were waiting%n", millis);
            assertTrue(millis < 2000, millis + " ms");
            waiting.forEach(f -> assertEquals(401, f.join().status()));
        } finally {
            server.configureApi(Map.of());
        }
    }
}
