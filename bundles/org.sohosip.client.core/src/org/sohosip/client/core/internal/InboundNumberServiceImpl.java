// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.sohosip.client.core.InboundNumberService;
import org.sohosip.core.api.InboundNumber;

import com.fasterxml.jackson.core.type.TypeReference;

/** The inbound number endpoints ({@code /api/v1/inbound-numbers}) with the session's token. */
@Component(service = InboundNumberService.class)
public final class InboundNumberServiceImpl implements InboundNumberService {

    private static final String PATH = "/api/v1/inbound-numbers";

    private final AuthorizedCalls session;

    /** @param session the login session whose token the requests carry */
    @Activate
    public InboundNumberServiceImpl(@Reference AuthorizedCalls session) {
        this.session = session;
    }

    @Override
    public List<InboundNumber> inboundNumbers() {
        return Answers.list(session.authorized((api, token) -> api.request("GET", PATH, token, null,
                new TypeReference<List<InboundNumber>>() { })));
    }

    @Override
    public InboundNumber create(InboundNumber number) {
        return Answers.required(session.authorized((api, token) -> api.request("POST", PATH, token, number,
                new TypeReference<InboundNumber>() { })));
    }

    @Override
    public InboundNumber update(long id, InboundNumber number) {
        return Answers.required(session.authorized((api, token) -> api.request("PUT", PATH + "/" + id, token,
                number, new TypeReference<InboundNumber>() { })));
    }

    @Override
    public void delete(long id) {
        session.authorized((api, token) -> api.request("DELETE", PATH + "/" + id, token, null, null));
    }

    @Override
    public String toString() {
        return "InboundNumberService[" + session + "]";
    }
}
