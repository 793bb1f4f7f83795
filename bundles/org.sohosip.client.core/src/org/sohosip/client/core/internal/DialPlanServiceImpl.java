// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal;

import java.util.Comparator;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.sohosip.client.core.DialPlanService;
import org.sohosip.core.api.EmergencyNumber;
import org.sohosip.core.api.RouteRule;

import com.fasterxml.jackson.core.type.TypeReference;

/** The route rule and emergency number endpoints with the session's token. */
@Component(service = DialPlanService.class)
public final class DialPlanServiceImpl implements DialPlanService {

    /** The proxy's order: longest prefix first, then by prefix so equal lengths keep a stable order. */
    public static final Comparator<RouteRule> LONGEST_PREFIX_FIRST = Comparator
            .comparingInt((RouteRule r) -> -r.prefix().length()).thenComparing(RouteRule::prefix);

    private static final String ROUTES = "/api/v1/routes";
    private static final String EMERGENCY = "/api/v1/emergency-numbers";

    private final AuthorizedCalls session;

    /** @param session the login session whose token the requests carry */
    @Activate
    public DialPlanServiceImpl(@Reference AuthorizedCalls session) {
        this.session = session;
    }

    @Override
    public List<RouteRule> routes() {
        List<RouteRule> rules = Answers.list(session.authorized((api, token) -> api.request("GET", ROUTES, token,
                null, new TypeReference<List<RouteRule>>() { })));
        return rules.stream().sorted(LONGEST_PREFIX_FIRST).toList();
    }

    @Override
    public RouteRule createRoute(RouteRule rule) {
        return Answers.required(session.authorized((api, token) -> api.request("POST", ROUTES, token, rule,
                new TypeReference<RouteRule>() { })));
    }

    @Override
    public RouteRule updateRoute(long id, RouteRule rule) {
        return Answers.required(session.authorized((api, token) -> api.request("PUT", ROUTES + "/" + id, token,
                rule, new TypeReference<RouteRule>() { })));
    }

    @Override
    public void deleteRoute(long id) {
        session.authorized((api, token) -> api.request("DELETE", ROUTES + "/" + id, token, null, null));
    }

    @Override
    public List<EmergencyNumber> emergencyNumbers() {
        return Answers.list(session.authorized((api, token) -> api.request("GET", EMERGENCY, token, null,
                new TypeReference<List<EmergencyNumber>>() { })));
    }

    @Override
    public List<EmergencyNumber> setEmergencyNumbers(List<EmergencyNumber> numbers) {
        return Answers.list(session.authorized((api, token) -> api.request("PUT", EMERGENCY, token,
                List.copyOf(numbers), new TypeReference<List<EmergencyNumber>>() { })));
    }

    @Override
    public String toString() {
        return "DialPlanService[" + session + "]";
    }
}
