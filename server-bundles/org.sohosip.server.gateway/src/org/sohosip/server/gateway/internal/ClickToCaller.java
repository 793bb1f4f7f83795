// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.gateway.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.Account;
import org.sohosip.core.RoutePlan;
import org.sohosip.core.api.ClickToCallStarted;
import org.sohosip.core.api.EmergencyNumber;
import org.sohosip.core.api.RouteRule;
import org.sohosip.server.gateway.ClickToCallException;
import org.sohosip.server.gateway.ClickToCallException.Reason;
import org.sohosip.server.proxy.CallOriginator;
import org.sohosip.server.proxy.NoPhoneException;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.GatewayStore;

/**
 * Click-to-call. Internal numbers (accounts, call applications such as voicemail) go to the SIP proxy's
 * {@link CallOriginator}, which rings the user's phone and asks it to call the number: no gateway is needed. Outside
 * numbers go through Asterisk: an AMI {@code Originate} first rings the user's own phone (through the trunk to the
 * SOHOSIP proxy) and, once it answers, dials the number in the gateway's outbound context (the same route rules and
 * permissions as calls from phones).
 */
final class ClickToCaller {

    private static final Logger LOG = LoggerFactory.getLogger(ClickToCaller.class);

    private final GatewayStore store;
    private final AccountStore accounts;
    private final Function<Long, @Nullable AmiLink> links;
    private final AsteriskFiles.Driver driver;
    private final Supplier<@Nullable CallOriginator> proxy;

    ClickToCaller(GatewayStore store, AccountStore accounts, Function<Long, @Nullable AmiLink> links,
            AsteriskFiles.Driver driver, Supplier<@Nullable CallOriginator> proxy) {
        this.store = store;
        this.accounts = accounts;
        this.links = links;
        this.driver = driver;
        this.proxy = proxy;
    }

    ClickToCallStarted call(Account caller, String number) {
        CallOriginator originator = proxy.get();
        if (originator != null && originator.serves(number)) {
            return internal(originator, caller, number);
        }
        Optional<Account> internal = accounts.findByUsername(number).or(() -> accounts.findByExtension(number))
                .or(() -> accounts.findByAlias(number)).filter(Account::enabled);
        if (internal.isPresent()) {
            throw new ClickToCallException(Reason.GATEWAY_DOWN, "The SIP proxy is not running, so " + number
                    + " cannot be called now; try again later.");
        }
        EmergencyNumber sos = store.emergencyNumbers().stream().filter(e -> e.number().equals(number)).findFirst()
                .orElse(null);
        long gatewayId;
        String dialled;
        if (sos != null) {
            gatewayId = sos.gatewayId();
            dialled = number;
        } else {
            RouteRule rule = RoutePlan.match(store.routes(), number);
            if (rule == null) {
                throw new ClickToCallException(Reason.NO_ROUTE, "No route rule matches " + number
                        + " and it is no extension.");
            }
            if (!RoutePlan.permits(rule, caller)) {
                LOG.warn("Refused click-to-call from {} to {}: outside calls not permitted", caller.username(), number);
                throw new ClickToCallException(Reason.FORBIDDEN, "You may not call " + number
                        + ": ask an administrator for permission to call outside numbers.");
            }
            gatewayId = rule.gatewayId();
            dialled = RoutePlan.rewrite(rule, number);
        }
        AmiLink link = links.apply(gatewayId);
        if (link == null || !link.connected()) {
            throw new ClickToCallException(Reason.GATEWAY_DOWN, "The gateway for " + number
                    + " is not connected to Asterisk; try again later.");
        }
        return originate(link, caller, AsteriskFiles.outboundContext(link.gateway), dialled, number, number, true);
    }

    /** The proxy rings the caller's phones and has the one that answers call the number itself. */
    private static ClickToCallStarted internal(CallOriginator originator, Account caller, String number) {
        try {
            String reference = originator.call(caller.username(), number);
            LOG.info("Click-to-call from {} to {} placed by the SIP proxy ({})", caller.username(), number, reference);
            return new ClickToCallStarted(number, false, null, reference);
        } catch (NoPhoneException e) {
            throw new ClickToCallException(Reason.NO_PHONE, "Click-to-call rings your own phone first, and none is"
                    + " registered for " + caller.username() + ": start the softphone or sign in a desk phone as "
                    + caller.username() + ", then try again.");
        } catch (IllegalArgumentException e) {
            throw new ClickToCallException(Reason.NO_ROUTE, e.getMessage());
        }
    }

    private ClickToCallStarted originate(AmiLink link, Account caller, String context, String exten,
            String calleeName, String number, boolean outside) {
        OriginateAction originate = new OriginateAction();
        String reference = "c2c-" + UUID.randomUUID();
        originate.setActionId(reference);
        originate.setChannel(AsteriskFiles.toOffice(link.gateway, driver, caller.extension()));
        originate.setContext(context);
        originate.setExten(exten);
        originate.setPriority(1);
        originate.setCallerId("\"" + calleeName.replace("\"", "") + "\" <" + number + ">");
        originate.setAccount(caller.username());
        originate.setTimeout(60_000L);
        originate.setAsync(true);
        try {
            ManagerResponse response = link.send(originate);
            if (response instanceof ManagerError error) {
                throw new ClickToCallException(Reason.GATEWAY_DOWN, "Asterisk refused the call: "
                        + error.getMessage());
            }
        } catch (IOException e) {
            throw new ClickToCallException(Reason.GATEWAY_DOWN, e.getMessage());
        }
        LOG.info("Click-to-call from {} to {} through gateway {} ({})", caller.username(), number,
                link.gateway.name(), reference);
        return new ClickToCallStarted(number, outside, outside ? link.gateway.id() : null, reference);
    }
}
