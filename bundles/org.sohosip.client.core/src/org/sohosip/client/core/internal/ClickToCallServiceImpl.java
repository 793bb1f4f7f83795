// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.sohosip.client.core.ClickToCallService;
import org.sohosip.core.api.ClickToCall;
import org.sohosip.core.api.ClickToCallStarted;

import com.fasterxml.jackson.core.type.TypeReference;

/** {@code POST /api/v1/me/click-to-call} with the session's token. */
@Component(service = ClickToCallService.class)
public final class ClickToCallServiceImpl implements ClickToCallService {

    private final AuthorizedCalls session;

    /** @param session the login session whose token the request carries */
    @Activate
    public ClickToCallServiceImpl(@Reference AuthorizedCalls session) {
        this.session = session;
    }

    @Override
    public ClickToCallStarted callFromDesk(String number) {
        String n = number.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("Enter a number to call.");
        }
        return Answers.required(session.authorized((api, token) -> api.request("POST", "/api/v1/me/click-to-call",
                token, new ClickToCall(n), new TypeReference<ClickToCallStarted>() { })));
    }

    @Override
    public String toString() {
        return "ClickToCallService[" + session + "]";
    }
}
