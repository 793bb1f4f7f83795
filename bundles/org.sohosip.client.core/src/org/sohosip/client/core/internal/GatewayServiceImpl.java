// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.sohosip.client.core.GatewayService;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.GatewayChange;
import org.sohosip.core.api.GatewayStatus;

import com.fasterxml.jackson.core.type.TypeReference;

/** The gateway endpoints ({@code /api/v1/gateways}) with the session's token. */
@Component(service = GatewayService.class)
public final class GatewayServiceImpl implements GatewayService {

    private static final String PATH = "/api/v1/gateways";

    private final AuthorizedCalls session;

    /** @param session the login session whose token the requests carry */
    @Activate
    public GatewayServiceImpl(@Reference AuthorizedCalls session) {
        this.session = session;
    }

    @Override
    public List<Gateway> gateways() {
        return Answers.list(session.authorized((api, token) -> api.request("GET", PATH, token, null,
                new TypeReference<List<Gateway>>() { })));
    }

    @Override
    public Gateway create(GatewayChange gateway) {
        return Answers.required(session.authorized((api, token) -> api.request("POST", PATH, token, gateway,
                new TypeReference<Gateway>() { })));
    }

    @Override
    public Gateway update(long id, GatewayChange gateway) {
        return Answers.required(session.authorized((api, token) -> api.request("PUT", PATH + "/" + id, token,
                gateway, new TypeReference<Gateway>() { })));
    }

    @Override
    public void delete(long id) {
        session.authorized((api, token) -> api.request("DELETE", PATH + "/" + id, token, null, null));
    }

    @Override
    public GatewayStatus status(long id) {
        return Answers.required(session.authorized((api, token) -> api.request("GET", PATH + "/" + id + "/status",
                token, null, new TypeReference<GatewayStatus>() { })));
    }

    @Override
    public String toString() {
        return "GatewayService[" + session + "]";
    }
}
