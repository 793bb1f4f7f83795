// SPDX-License-Identifier: EPL-2.0
package org.sohosip.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A running server with two people in the office: alice (extension 3301) and bob (extension 3302), created through
 * the administration API, and their call history as the API shows it.
 */
final class Office implements AutoCloseable {

    static final String DOMAIN = "sohosip.local";
    static final String ALICE = "alice";
    static final String ALICE_PASSWORD = "alice-secret-1";
    static final String BOB = "bob";
    static final String BOB_PASSWORD = "bob-secret-1";

    final ServerProcess server;
    final Api api;

    private Office(ServerProcess server, Api api) {
        this.server = server;
        this.api = api;
    }

    static Office open(Path data, String... extra) throws Exception {
        ServerProcess server = ServerProcess.start(Files.createDirectories(data), extra);
        try {
            server.awaitReady();
            Api api = new Api(server.baseUrl());
            String admin = api.login("admin", Files.readString(data.resolve("initial-admin-password")).strip());
            api.createAccount(admin, ALICE, ALICE_PASSWORD, "3301", "Alice Example");
            api.createAccount(admin, BOB, BOB_PASSWORD, "3302", "Bob Example");
            return new Office(server, api);
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
    }

    /**
     * Waits until {@code user}'s call history ({@code GET /api/v1/me/calls}) has an entry matching {@code wanted}
     * (call records are written when a call ends, a moment after the SIP exchange) and returns the whole history.
     */
    List<JsonNode> awaitHistory(String user, String password, Predicate<JsonNode> wanted, String what)
            throws Exception {
        String token = api.login(user, password);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<JsonNode> entries = List.of();
        while (System.nanoTime() < deadline) {
            Api.Answer a = api.get("/api/v1/me/calls", token);
            assertEquals(200, a.status(), a.body().toString());
            entries = new ArrayList<>();
            a.body().forEach(entries::add);
            if (entries.stream().anyMatch(wanted)) {
                return entries;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(user + "'s call history shows no " + what + "; it has: " + entries);
    }

    /** @return a matcher for a history entry in this direction with this other party and disposition */
    static Predicate<JsonNode> entry(String direction, String otherParty, String disposition) {
        return e -> e.path("direction").asText().equalsIgnoreCase(direction)
                && e.path("otherParty").asText().contains(otherParty)
                && e.path("disposition").asText().equalsIgnoreCase(disposition);
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
