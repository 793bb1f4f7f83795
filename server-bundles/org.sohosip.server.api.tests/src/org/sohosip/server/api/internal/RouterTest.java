// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RouterTest {

    private static Map<Endpoint, Router.Handler> all() {
        Map<Endpoint, Router.Handler> handlers = new EnumMap<>(Endpoint.class);
        for (Endpoint endpoint : Endpoint.values()) {
            handlers.put(endpoint, exchange -> {
            });
        }
        return handlers;
    }

    private final Router router = new Router(all());

    @Test
    void matchesMethodAndTemplateWithVariables() {
        Router.Match match = router.match("POST", "/accounts/12/password");
        assertEquals(Endpoint.RESET_PASSWORD, match.endpoint());
        assertEquals(Map.of("id", "12"), match.params());
        assertEquals(Endpoint.CREATE_ACCOUNT, router.match("POST", "/accounts").endpoint());
        assertEquals(Endpoint.LIST_ACCOUNTS, router.match("GET", "/accounts").endpoint());
    }

    @Test
    void unknownPathIs404() {
        ApiException e = assertThrows(ApiException.class, () -> router.match("GET", "/nothing"));
        assertEquals(404, e.error().status());
        assertEquals("not_found", e.error().error());
        assertThrows(ApiException.class, () -> router.match("GET", "/accounts/"));
        assertThrows(ApiException.class, () -> router.match("GET", "/accounts/1/password/x"));
    }

    @Test
    void knownPathWithWrongMethodIs405WithAllow() {
        ApiException e = assertThrows(ApiException.class, () -> router.match("DELETE", "/accounts/3"));
        assertEquals(405, e.error().status());
        assertEquals("method_not_allowed", e.error().error());
        assertEquals("GET, PATCH", e.headers().get("Allow"));
        assertEquals("POST", assertThrows(ApiException.class, () -> router.match("GET", "/auth/login")).headers()
                .get("Allow"));
    }

    @Test
    void everyEndpointNeedsAHandler() {
        Map<Endpoint, Router.Handler> handlers = all();
        handlers.remove(Endpoint.ME);
        assertThrows(IllegalArgumentException.class, () -> new Router(handlers));
    }

    @Test
    void bindRejectsEmptyVariables() {
        assertNull(Router.bind("/accounts/{id}", "/accounts/"));
        assertEquals(Map.of("id", "x"), Router.bind("/accounts/{id}", "/accounts/x"));
    }
}
