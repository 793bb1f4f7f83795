// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sohosip.core.Account;
import org.sohosip.core.api.AccountChanges;
import org.sohosip.core.api.LoginResponse;
import org.sohosip.core.api.NewAccount;

class JsonTest {

    private final Json json = new Json();

    private ApiException refused(String body, Class<?> type) {
        ApiException e = assertThrows(ApiException.class, () -> json.read(body.getBytes(StandardCharsets.UTF_8), type));
        assertEquals(400, e.error().status());
        assertEquals("invalid_json", e.error().error());
        return e;
    }

    @Test
    void readsARecordWithNullsForMissingFields() {
        NewAccount body = json.read("{\"username\":\"alice\",\"aliases\":[\"a\"]}".getBytes(StandardCharsets.UTF_8),
                NewAccount.class);
        assertEquals("alice", body.username());
        assertEquals(List.of("a"), body.aliases());
        assertEquals(null, body.password());
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        String message = refused("{\n  \"username\": \"alice\",\n  oops\n}", NewAccount.class).getMessage();
        assertTrue(message.contains("line 3"), message);
        assertTrue(message.contains("column"), message);
    }

    @Test
    void unknownPropertyIsNamedWithTheKnownOnes() {
        String message = refused("{\"username\":\"alice\",\"colour\":\"red\"}", NewAccount.class).getMessage();
        assertTrue(message.contains("'colour'"), message);
        assertTrue(message.contains("displayName"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"extension\":3301}", "{\"extension\":true}", "{\"admin\":\"yes\"}",
            "{\"admin\":1}", "{\"aliases\":\"a\"}", "{\"aliases\":[1]}", "{\"extension\":{}}" })
    void wrongTypesAreRefusedNamingTheField(String body) {
        String message = refused(body, AccountChanges.class).getMessage();
        String field = body.substring(2, body.indexOf('"', 2));
        assertTrue(message.contains(field), message);
        assertTrue(message.contains("line 1"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "null", "[]", "\"text\"", "{} {}", "{\"username\":\"a\",\"username\":\"b\"}" })
    void bodiesThatAreNotOneObjectAreRefused(String body) {
        refused(body, NewAccount.class);
    }

    @Test
    void timesAreWrittenAsIsoText() {
        Account account = new Account(1, "alice", "Alice", "3301", List.of(), false, true);
        String text = new String(json.write(new LoginResponse("t", Instant.parse("2026-01-02T03:04:05Z"), account)),
                StandardCharsets.UTF_8);
        assertTrue(text.contains("\"expiresAt\":\"2026-01-02T03:04:05Z\""), text);
    }
}
