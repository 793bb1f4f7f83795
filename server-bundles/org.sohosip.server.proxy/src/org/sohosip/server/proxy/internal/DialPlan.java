// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.Account;
import org.sohosip.core.RoutePlan;
import org.sohosip.core.api.EmergencyNumber;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.InboundNumber;
import org.sohosip.core.api.RouteRule;
import org.sohosip.server.store.GatewayConfigListener;
import org.sohosip.server.store.GatewayStore;

/**
 * The gateway side of routing, kept in memory: outbound route rules (see {@link RoutePlan}), emergency numbers,
 * inbound numbers and the SIP addresses of the gateways (which are trusted by source address). Read from the store
 * on first use and again after every change the store reports.
 */
final class DialPlan implements GatewayConfigListener {

    /** What the dial plan says about a dialled number that reaches no account. */
    sealed interface Outbound {
    }

    /** No rule and no emergency number matches: not a PSTN number. */
    record NotPstn() implements Outbound {
    }

    /** Send {@code number} to {@code gateway}. */
    record Route(Gateway gateway, String number, boolean emergency) implements Outbound {
    }

    /** The caller may not make this call; {@code reason} goes into the log and the reason phrase. */
    record Refused(int status, String reason) implements Outbound {
    }

    /** The configuration in force. */
    private record Snapshot(List<RouteRule> routes, Map<String, EmergencyNumber> emergency,
            Map<Long, Gateway> gateways, Map<String, InboundNumber> inbound, Map<String, Gateway> byAddress) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DialPlan.class);

    private final GatewayStore store;
    private volatile @Nullable Snapshot snapshot;

    DialPlan(GatewayStore store) {
        this.store = store;
    }

    @Override
    public void gatewayConfigChanged() {
        snapshot = null;
    }

    /** @return the enabled gateway whose SIP address is {@code address}:{@code port}, if any */
    @Nullable
    Gateway gatewayAt(String address, int port) {
        return current().byAddress.get(address + ":" + port);
    }

    /** @return the inbound number for a DID */
    @Nullable
    InboundNumber inbound(String did) {
        return current().inbound.get(did);
    }

    /**
     * Decides about an outside number. Emergency numbers go out for everyone, unchanged; other numbers need the
     * PSTN permission and, for a rule limited to a group, membership of that group.
     */
    Outbound outbound(String dialled, Account caller) {
        Snapshot s = current();
        EmergencyNumber sos = s.emergency.get(dialled);
        if (sos != null) {
            Gateway gateway = s.gateways.get(sos.gatewayId());
            return gateway == null || !gateway.enabled()
                    ? new Refused(503, "Emergency gateway unavailable") : new Route(gateway, dialled, true);
        }
        RouteRule rule = RoutePlan.match(s.routes, dialled);
        if (rule == null) {
            return new NotPstn();
        }
        if (!caller.pstnAllowed()) {
            return new Refused(403, "Outside calls not permitted");
        }
        if (!RoutePlan.permits(rule, caller)) {
            return new Refused(403, "Outside calls with prefix " + rule.prefix() + " not permitted");
        }
        Gateway gateway = s.gateways.get(rule.gatewayId());
        if (gateway == null || !gateway.enabled()) {
            return new Refused(503, "Gateway unavailable");
        }
        return new Route(gateway, RoutePlan.rewrite(rule, dialled), false);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            s = load();
            snapshot = s;
        }
        return s;
    }

    private Snapshot load() {
        List<Gateway> gateways = store.gateways();
        List<RouteRule> routes = store.routes();
        Map<String, Gateway> byAddress = new java.util.HashMap<>();
        for (Gateway g : gateways) {
            if (g.enabled()) {
                try {
                    for (InetAddress a : InetAddress.getAllByName(g.sipHost())) {
                        byAddress.put(a.getHostAddress() + ":" + g.sipPort(), g);
                    }
                } catch (UnknownHostException e) {
                    LOG.warn("Gateway {}: its SIP host {} does not resolve; calls from it are not recognised",
                            g.name(), g.sipHost());
                }
            }
        }
        return new Snapshot(routes,
                store.emergencyNumbers().stream().collect(Collectors.toMap(EmergencyNumber::number,
                        Function.identity())),
                gateways.stream().collect(Collectors.toMap(Gateway::id, Function.identity())),
                store.inboundNumbers().stream().collect(Collectors.toMap(InboundNumber::did, Function.identity())),
                Map.copyOf(byAddress));
    }
}
