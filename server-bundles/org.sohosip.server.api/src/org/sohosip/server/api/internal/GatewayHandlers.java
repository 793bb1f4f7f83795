// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.api.EmergencyNumber;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.GatewayChange;
import org.sohosip.core.api.GatewayState;
import org.sohosip.core.api.GatewayStatus;
import org.sohosip.core.api.InboundNumber;
import org.sohosip.core.api.RouteRule;
import org.sohosip.server.gateway.GatewayMonitor;
import org.sohosip.server.store.DuplicateException;
import org.sohosip.server.store.GatewayInUseException;
import org.sohosip.server.store.GatewayStore;
import org.sohosip.server.store.NoSuchEntryException;

/**
 * Administration of gateways, route rules, emergency numbers and inbound numbers. Bodies are checked completely
 * before the store is touched; the store tells the proxy and the gateway controller, so changes apply at once.
 */
final class GatewayHandlers {

    private final GatewayStore store;
    private final Supplier<@Nullable GatewayMonitor> monitor;

    GatewayHandlers(GatewayStore store, Supplier<@Nullable GatewayMonitor> monitor) {
        this.store = store;
        this.monitor = monitor;
    }

    void listGateways(Exchange exchange) throws IOException {
        exchange.respond(200, store.gateways());
    }

    void createGateway(Exchange exchange) throws IOException {
        GatewayChange body = exchange.body(GatewayChange.class);
        valid(GatewayValidator.check(body, true));
        Gateway created = write(() -> store.createGateway(body));
        exchange.setHeader("Location", Endpoint.BASE + "/gateways/" + created.id());
        exchange.respond(201, created);
    }

    void getGateway(Exchange exchange) throws IOException {
        long id = exchange.id("id");
        exchange.respond(200, store.gateway(id).orElseThrow(() -> missing("gateway", id)));
    }

    void updateGateway(Exchange exchange) throws IOException {
        long id = exchange.id("id");
        GatewayChange body = exchange.body(GatewayChange.class);
        valid(GatewayValidator.check(body, false));
        exchange.respond(200, write(() -> store.updateGateway(id, body)));
    }

    void deleteGateway(Exchange exchange) {
        long id = exchange.id("id");
        write(() -> {
            store.deleteGateway(id);
            return id;
        });
        exchange.respond(204);
    }

    void gatewayStatus(Exchange exchange) throws IOException {
        long id = exchange.id("id");
        store.gateway(id).orElseThrow(() -> missing("gateway", id));
        GatewayMonitor running = monitor.get();
        exchange.respond(200, running != null ? running.status(id)
                : new GatewayStatus(id, GatewayState.DOWN, null,
                        "The gateway controller is not running on this server.", null));
    }

    void listRoutes(Exchange exchange) throws IOException {
        exchange.respond(200, store.routes());
    }

    void createRoute(Exchange exchange) throws IOException {
        RouteRule body = exchange.body(RouteRule.class);
        valid(GatewayValidator.check(body, this::gatewayExists));
        RouteRule created = write(() -> store.createRoute(body));
        exchange.setHeader("Location", Endpoint.BASE + "/routes/" + created.id());
        exchange.respond(201, created);
    }

    void updateRoute(Exchange exchange) throws IOException {
        long id = exchange.id("id");
        RouteRule body = exchange.body(RouteRule.class);
        valid(GatewayValidator.check(body, this::gatewayExists));
        exchange.respond(200, write(() -> store.updateRoute(id, body)));
    }

    void deleteRoute(Exchange exchange) {
        long id = exchange.id("id");
        write(() -> {
            store.deleteRoute(id);
            return id;
        });
        exchange.respond(204);
    }

    void listEmergencyNumbers(Exchange exchange) throws IOException {
        exchange.respond(200, store.emergencyNumbers());
    }

    /** The body is the whole list, a JSON array of {@link EmergencyNumber}. */
    void replaceEmergencyNumbers(Exchange exchange) throws IOException {
        List<EmergencyNumber> body = Arrays.asList(exchange.body(EmergencyNumber[].class));
        valid(GatewayValidator.check(body, this::gatewayExists));
        exchange.respond(200, write(() -> store.replaceEmergencyNumbers(body)));
    }

    void listInboundNumbers(Exchange exchange) throws IOException {
        exchange.respond(200, store.inboundNumbers());
    }

    void createInboundNumber(Exchange exchange) throws IOException {
        InboundNumber body = exchange.body(InboundNumber.class);
        valid(GatewayValidator.check(body));
        InboundNumber created = write(() -> store.createInboundNumber(body));
        exchange.setHeader("Location", Endpoint.BASE + "/inbound-numbers/" + created.id());
        exchange.respond(201, created);
    }

    void updateInboundNumber(Exchange exchange) throws IOException {
        long id = exchange.id("id");
        InboundNumber body = exchange.body(InboundNumber.class);
        valid(GatewayValidator.check(body));
        exchange.respond(200, write(() -> store.updateInboundNumber(id, body)));
    }

    void deleteInboundNumber(Exchange exchange) {
        long id = exchange.id("id");
        write(() -> {
            store.deleteInboundNumber(id);
            return id;
        });
        exchange.respond(204);
    }

    private boolean gatewayExists(long id) {
        return store.gateway(id).isPresent();
    }

    private static void valid(Map<String, String> problems) {
        if (!problems.isEmpty()) {
            throw ApiException.invalidFields(problems);
        }
    }

    private static ApiException missing(String kind, long id) {
        return ApiException.notFound("There is no " + kind + " with id " + id + ".");
    }

    /** Runs a store write and turns its refusals into API errors. */
    private static <T> T write(Supplier<T> work) {
        try {
            return work.get();
        } catch (DuplicateException e) {
            throw ApiException.duplicate(e.field(), e.getMessage());
        } catch (NoSuchEntryException e) {
            throw ApiException.notFound(e.getMessage());
        } catch (GatewayInUseException e) {
            throw new ApiException(409, "in_use", e.getMessage());
        }
    }
}
