// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.Account;
import org.sohosip.core.CallDisposition;
import org.sohosip.core.OfficeHours;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.InboundNumber;
import org.sohosip.core.api.InboundTargetKind;
import org.sohosip.server.store.AccountStore;

/**
 * Calls to and from the telephone network. Outbound: a number that reaches no account is looked up in the
 * {@link DialPlan}; emergency numbers always go out, other outside numbers only for callers with the PSTN
 * permission (and group, if the rule names one) and within their limit of concurrent outside calls. Refusals are
 * logged, since toll fraud is the classic attack on an office exchange. Inbound: an INVITE from a gateway's SIP
 * address is trusted without digest (Asterisk cannot answer a challenge for the telephone network) but may only
 * reach a configured inbound number, which rings its office-hours or after-hours target, or an office phone
 * directly (click-to-call rings the user's phone from Asterisk); never an outside number again.
 */
final class PstnCalls {

    /** Sends a request on to targets (the router's stateful forwarding). */
    interface Forwarder {
        void forward(ServerTransaction server, List<SipURI> targets, CallRecorder.Attempt attempt);
    }

    /** Reason phrase of the answer to a call over the caller's outside-call limit. */
    static final String LIMIT_REASON = "Outside Call Limit Reached";

    private static final Logger LOG = LoggerFactory.getLogger(PstnCalls.class);

    private final Sip sip;
    private final DialPlan plan;
    private final OutsideCalls outside;
    private final AccountCache accounts;
    private final AccountStore store;
    private final CallRecorder recorder;
    private final Function<String, List<SipURI>> contacts;
    private final LongSupplier clock;
    private volatile Function<String, @Nullable SipURI> voicemail = mailbox -> null;

    /**
     * @param contacts the registered contacts of a user name
     */
    PstnCalls(Sip sip, DialPlan plan, OutsideCalls outside, AccountCache accounts, AccountStore store,
            CallRecorder recorder, Function<String, List<SipURI>> contacts, LongSupplier clock) {
        this.sip = sip;
        this.plan = plan;
        this.outside = outside;
        this.accounts = accounts;
        this.store = store;
        this.recorder = recorder;
        this.contacts = contacts;
        this.clock = clock;
        recorder.onEnded(outside::ended);
    }

    /**
     * Sets where inbound calls for a mailbox go (the voicemail application's SIP address with the mailbox as the
     * user); until it is set, inbound numbers that lead to voicemail answer 480.
     */
    void voicemail(Function<String, @Nullable SipURI> route) {
        voicemail = route;
    }

    /** @return the gateway whose SIP address sent the request, or {@code null} */
    @Nullable
    Gateway fromGateway(String address, int port) {
        return plan.gatewayAt(address, port);
    }

    /** An INVITE from a gateway: only inbound numbers are served, anything else is refused and logged. */
    void inbound(ServerTransaction server, Request request, Gateway gateway, String did, Forwarder forwarder) {
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        String callerNumber = from.getAddress().getURI() instanceof SipURI u && u.getUser() != null ? u.getUser()
                : "anonymous";
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        InboundNumber number = plan.inbound(did);
        Account account = number == null ? accounts.target(did) : null;
        if (account != null) {
            // Asterisk calling an office phone (click-to-call rings the user's own phone first): free, so allowed.
            CallRecorder.Attempt attempt = recorder.start(callId, callerNumber, from.getAddress().getDisplayName(),
                    account.username(), did);
            List<SipURI> targets = contacts.apply(account.username());
            if (targets.isEmpty()) {
                sip.respond(server, Response.TEMPORARILY_UNAVAILABLE, null);
                recorder.ended(attempt, CallDisposition.MISSED);
            } else {
                forwarder.forward(server, targets, attempt);
            }
            return;
        }
        if (number == null) {
            LOG.warn("Refused a call from gateway {} to {}: neither an inbound number nor an office phone (a gateway"
                    + " may not call out through the office)", gateway.name(), did);
            sip.respond(server, Response.FORBIDDEN, "Not an inbound number");
            return;
        }
        boolean office = inOfficeHours(number);
        InboundTargetKind kind = office || number.afterHoursKind() == null ? number.targetKind()
                : number.afterHoursKind();
        String target = office || number.afterHoursTarget() == null ? number.target() : number.afterHoursTarget();
        CallRecorder.Attempt attempt = recorder.start(callId, callerNumber, from.getAddress().getDisplayName(),
                target, did);
        List<SipURI> targets = targets(kind, target);
        if (targets.isEmpty()) {
            LOG.info("Inbound call from {} to {} ({} {}): nobody to ring", callerNumber, did, kind, target);
            sip.respond(server, Response.TEMPORARILY_UNAVAILABLE, null);
            recorder.ended(attempt, CallDisposition.MISSED);
            return;
        }
        forwarder.forward(server, targets, attempt);
    }

    /**
     * An authenticated INVITE to a name that is no account.
     *
     * @return whether the dial plan handled it (answered or forwarded); {@code false} for numbers it does not know
     */
    boolean outbound(ServerTransaction server, Request request, Account caller, String dialled, Forwarder forwarder) {
        DialPlan.Outbound decision = plan.outbound(dialled, caller);
        if (decision instanceof DialPlan.NotPstn) {
            return false;
        }
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        CallRecorder.Attempt attempt = recorder.start(callId, caller.username(), caller.displayName(), dialled,
                dialled);
        if (decision instanceof DialPlan.Refused refused) {
            LOG.warn("Refused outside call from {} to {}: {}", caller.username(), dialled, refused.reason());
            sip.respond(server, refused.status(), refused.reason());
            recorder.ended(attempt, CallDisposition.FAILED);
            return true;
        }
        DialPlan.Route route = (DialPlan.Route) decision;
        if (!route.emergency() && !outside.start(caller.username(), callId, caller.outsideCallLimit())) {
            LOG.warn("Refused outside call from {} to {}: {} outside call(s) already in progress (the limit)",
                    caller.username(), dialled, caller.outsideCallLimit());
            sip.respond(server, Response.BUSY_HERE, LIMIT_REASON);
            recorder.ended(attempt, CallDisposition.BUSY);
            return true;
        }
        Gateway gateway = route.gateway();
        try {
            SipURI target = sip.addresses.createSipURI(route.number(), gateway.sipHost());
            target.setPort(gateway.sipPort());
            // Asterisk's dial plan reads the office user from here for the CDR's account code.
            Header identity = sip.headers.createHeader("P-Asserted-Identity", "<sip:" + caller.username() + "@"
                    + sip.domain + ">");
            request.setHeader(identity);
            LOG.info("{}call from {} to {} through gateway {} as {}", route.emergency() ? "Emergency " : "Outside ",
                    caller.username(), dialled, gateway.name(), route.number());
            forwarder.forward(server, List.of(target), attempt);
        } catch (java.text.ParseException e) {
            LOG.warn("Gateway {} cannot be addressed as {}:{}: {}", gateway.name(), gateway.sipHost(),
                    gateway.sipPort(), e.getMessage());
            sip.respond(server, Response.SERVICE_UNAVAILABLE, "Gateway misconfigured");
            recorder.ended(attempt, CallDisposition.FAILED);
        }
        return true;
    }

    private boolean inOfficeHours(InboundNumber number) {
        String hours = number.officeHours();
        if (hours == null || hours.isBlank()) {
            return true;
        }
        try {
            ZonedDateTime now = ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(clock.getAsLong()),
                    ZoneId.of(number.timeZone()));
            return OfficeHours.parse(hours).contains(now);
        } catch (RuntimeException e) {
            LOG.warn("Inbound number {}: office hours '{}' in {} cannot be used ({}); treating it as open",
                    number.did(), hours, number.timeZone(), e.getMessage());
            return true;
        }
    }

    private List<SipURI> targets(InboundTargetKind kind, String target) {
        switch (kind) {
        case EXTENSION: {
            Account account = accounts.target(target);
            return account == null ? List.of() : contacts.apply(account.username());
        }
        case RING_GROUP: {
            List<SipURI> all = new ArrayList<>();
            store.list().stream().filter(a -> a.enabled() && a.groups().contains(target))
                    .forEach(a -> all.addAll(contacts.apply(a.username())));
            return all;
        }
        case VOICEMAIL: {
            Account owner = accounts.target(target);
            SipURI box = owner == null ? null : voicemail.apply(owner.username());
            return box == null ? List.of() : List.of(box);
        }
        default:
            return List.of();
        }
    }
}
