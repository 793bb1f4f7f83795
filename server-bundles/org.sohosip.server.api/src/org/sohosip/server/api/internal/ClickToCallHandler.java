// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.io.IOException;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.api.ClickToCall;
import org.sohosip.server.gateway.ClickToCallException;
import org.sohosip.server.gateway.ClickToCallService;

/** {@code POST /me/click-to-call}: the caller's phone rings first, then the number is dialled. */
final class ClickToCallHandler implements Router.Handler {

    private final Supplier<@Nullable ClickToCallService> service;

    ClickToCallHandler(Supplier<@Nullable ClickToCallService> service) {
        this.service = service;
    }

    @Override
    public void handle(Exchange exchange) throws IOException {
        ClickToCall body = exchange.body(ClickToCall.class);
        if (body.number() == null || !body.number().matches("[A-Za-z0-9.*#+_-]{1,32}")) {
            throw ApiException.invalidField("number", "Give a number or extension as you would dial it.");
        }
        ClickToCallService running = service.get();
        if (running == null) {
            throw new ApiException(503, "gateway_down", "Click-to-call needs the gateway controller, which is not"
                    + " running on this server.");
        }
        try {
            exchange.respond(202, running.call(exchange.caller().account(), body.number()));
        } catch (ClickToCallException e) {
            throw switch (e.reason()) {
            case FORBIDDEN -> ApiException.forbidden(e.getMessage());
            case NO_ROUTE -> ApiException.invalidField("number", e.getMessage());
            case GATEWAY_DOWN -> new ApiException(503, "gateway_down", e.getMessage());
            case NO_PHONE -> new ApiException(409, "no_phone", e.getMessage());
            };
        }
    }
}
