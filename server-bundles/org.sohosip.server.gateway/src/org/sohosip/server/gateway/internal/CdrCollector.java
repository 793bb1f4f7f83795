// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.gateway.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

import org.asteriskjava.manager.event.CdrEvent;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.Account;
import org.sohosip.core.CallRecord;
import org.sohosip.core.api.BillingDirection;
import org.sohosip.core.api.BillingDisposition;
import org.sohosip.core.api.BillingRecord;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.InboundNumber;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.BillingStore;
import org.sohosip.server.store.CallRecordStore;
import org.sohosip.server.store.CdrDetails;
import org.sohosip.server.store.GatewayStore;

/**
 * Turns Asterisk's CDRs ({@code Cdr} events of cdr_manager) into billing records, joined with what SOHOSIP knows:
 * for an outbound call the office user comes from the proxy's call record with the SIP Call-ID the dial plan put
 * into the CDR's user field (or from the account code the dial plan set); for an inbound call from the inbound
 * number's target. Only calls in this gateway's outbound and inbound contexts are billed. Asterisk writes the CDR's
 * times as local date-times of its own host without a zone; they are read in the gateway's time zone.
 */
final class CdrCollector {

    private static final Logger LOG = LoggerFactory.getLogger(CdrCollector.class);
    private static final DateTimeFormatter ASTERISK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final BillingStore billing;
    private final CallRecordStore calls;
    private final AccountStore accounts;
    private final GatewayStore gateways;

    CdrCollector(BillingStore billing, CallRecordStore calls, AccountStore accounts, GatewayStore gateways) {
        this.billing = billing;
        this.calls = calls;
        this.accounts = accounts;
        this.gateways = gateways;
    }

    /** @return the stored record, or empty when the CDR is not a call through this gateway's trunk */
    Optional<BillingRecord> collect(Gateway gateway, CdrEvent cdr) {
        String context = text(cdr.getDestinationContext());
        BillingDirection direction = context.equals(AsteriskFiles.outboundContext(gateway)) ? BillingDirection.OUTBOUND
                : context.equals(AsteriskFiles.inboundContext(gateway)) ? BillingDirection.INBOUND : null;
        ZoneId zone = zone(gateway);
        Instant start = time(cdr.getStartTime(), zone);
        if (direction == null || start == null) {
            LOG.debug("Gateway {}: CDR {} in context {} is not billed", gateway.name(), cdr.getUniqueId(), context);
            return Optional.empty();
        }
        Instant end = Objects.requireNonNullElse(time(cdr.getEndTime(), zone), start);
        String callId = direction == BillingDirection.OUTBOUND ? text(cdr.getUserField()) : "";
        String account = direction == BillingDirection.OUTBOUND ? outboundUser(callId, text(cdr.getAccountCode()))
                : inboundUser(text(cdr.getDestination()));
        String external = direction == BillingDirection.OUTBOUND ? text(cdr.getDestination()) : text(cdr.getSrc());
        long billsec = cdr.getBillableSeconds() == null ? 0 : cdr.getBillableSeconds();
        BillingRecord record = new BillingRecord(0, callId, account, gateway.name(), external, direction, start,
                time(cdr.getAnswerTime(), zone), end, billsec,
                BillingDisposition.fromAsterisk(text(cdr.getDisposition())), cdr.getUniqueId());
        CdrDetails details = new CdrDetails(text(cdr.getSrc()), text(cdr.getDestination()), context,
                text(cdr.getCallerId()), text(cdr.getChannel()), text(cdr.getDestinationChannel()),
                text(cdr.getLastApplication()), text(cdr.getLastData()),
                cdr.getDuration() == null ? 0 : cdr.getDuration(), text(cdr.getAmaFlags()), text(cdr.getUserField()));
        BillingRecord stored = billing.record(record, details);
        LOG.debug("Gateway {}: billed {} call {} of {} ({} s)", gateway.name(), direction, cdr.getUniqueId(),
                account, billsec);
        return Optional.of(stored);
    }

    private @Nullable String outboundUser(String callId, String accountCode) {
        if (!callId.isEmpty()) {
            Optional<CallRecord> call = calls.findByCallId(callId);
            if (call.isPresent()) {
                return call.get().caller();
            }
        }
        return accountCode.isEmpty() ? null : accountCode;
    }

    private @Nullable String inboundUser(String did) {
        Optional<InboundNumber> number = gateways.inboundNumbers().stream().filter(n -> n.did().equals(did))
                .findFirst();
        if (number.isEmpty()) {
            return null;
        }
        String target = number.get().target();
        return accounts.findByUsername(target).or(() -> accounts.findByExtension(target))
                .or(() -> accounts.findByAlias(target)).map(Account::username).orElse(null);
    }

    /** @return the zone of the gateway's Asterisk host; the server's own when the stored one is unknown here */
    private static ZoneId zone(Gateway gateway) {
        try {
            return ZoneId.of(gateway.timeZone());
        } catch (DateTimeException e) {
            LOG.warn("Gateway {}: unknown time zone '{}', reading its CDR times in the server's zone {}",
                    gateway.name(), gateway.timeZone(), ZoneId.systemDefault().getId());
            return ZoneId.systemDefault();
        }
    }

    private static @Nullable Instant time(@Nullable String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            // in the hour a clock is set back, a local time happens twice: atZone takes the earlier one
            return LocalDateTime.parse(text.strip(), ASTERISK_TIME).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            LOG.debug("Unreadable CDR time '{}'", text);
            return null;
        }
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
