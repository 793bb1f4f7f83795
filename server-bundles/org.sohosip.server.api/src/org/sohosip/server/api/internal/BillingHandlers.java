// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.api.BillingDirection;
import org.sohosip.core.api.BillingDisposition;
import org.sohosip.core.api.BillingRecord;
import org.sohosip.core.api.BillingTotals;
import org.sohosip.core.api.Gateway;
import org.sohosip.server.store.BillingEntry;
import org.sohosip.server.store.BillingQuery;
import org.sohosip.server.store.BillingStore;
import org.sohosip.server.store.CdrDetails;
import org.sohosip.server.store.GatewayStore;

/**
 * Billing records: the list, totals per user, day or hour, and the CSV export in the column order of Asterisk's
 * {@code Master.csv}. Administrators (from the admin networks) see everybody's calls; everyone else their own.
 */
final class BillingHandlers {

    /** Most records one request reads. */
    static final int MAX_LIMIT = 10_000;
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final BillingStore billing;
    private final GatewayStore gateways;
    private final AddressRanges adminNetworks;

    BillingHandlers(BillingStore billing, GatewayStore gateways, AddressRanges adminNetworks) {
        this.billing = billing;
        this.gateways = gateways;
        this.adminNetworks = adminNetworks;
    }

    void list(Exchange exchange) throws IOException {
        exchange.respond(200, find(exchange, limit(exchange)).stream().map(BillingEntry::record).toList());
    }

    void totals(Exchange exchange) throws IOException {
        String by = exchange.query("by");
        ZoneId zone = zone(exchange.query("tz"));
        Function<BillingRecord, String> key;
        if ("user".equals(by)) {
            key = r -> r.account() == null ? "-" : r.account();
        } else if ("day".equals(by)) {
            key = r -> r.start().atZone(zone).toLocalDate().toString();
        } else if ("hour".equals(by)) {
            key = r -> String.format(Locale.ROOT, "%02d", r.start().atZone(zone).getHour());
        } else {
            throw ApiException.invalidField("by", "Give by=user, by=day or by=hour.");
        }
        Map<String, long[]> sums = new TreeMap<>();
        for (BillingEntry e : find(exchange, MAX_LIMIT * 10)) {
            long[] s = sums.computeIfAbsent(key.apply(e.record()), k -> new long[3]);
            s[0]++;
            s[1] += e.record().disposition() == BillingDisposition.ANSWERED ? 1 : 0;
            s[2] += e.record().billableSeconds();
        }
        exchange.respond(200, sums.entrySet().stream()
                .map(s -> new BillingTotals(s.getKey(), s.getValue()[0], s.getValue()[1], s.getValue()[2])).toList());
    }

    void csv(Exchange exchange) throws IOException {
        StringBuilder b = new StringBuilder();
        for (BillingEntry e : find(exchange, limit(exchange))) {
            BillingRecord r = e.record();
            CdrDetails d = e.details();
            b.append(String.join(",", q(r.account()), q(d.source()), q(d.destination()), q(d.destinationContext()),
                    q(d.callerId()), q(d.channel()), q(d.destinationChannel()), q(d.lastApplication()),
                    q(d.lastData()), q(CSV_TIME.format(r.start())),
                    q(r.answer() == null ? "" : CSV_TIME.format(r.answer())), q(CSV_TIME.format(r.end())),
                    Long.toString(d.durationSeconds()), Long.toString(r.billableSeconds()),
                    q(r.disposition().asteriskName()), q(d.amaFlags()), q(r.uniqueId()), q(d.userField())))
                    .append("\r\n");
        }
        exchange.respondFile("text/csv; charset=utf-8", "Master.csv", b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Asterisk's cdr_csv quotes every text field and doubles quotes inside. */
    private static String q(@Nullable String value) {
        return "\"" + (value == null ? "" : value.replace("\"", "\"\"")) + "\"";
    }

    private List<BillingEntry> find(Exchange exchange, int limit) {
        Caller caller = exchange.caller();
        boolean admin = caller.account().admin() && adminNetworks.contains(exchange.address());
        String user = exchange.query("user");
        if (!admin) {
            if (user != null && !user.equals(caller.account().username())) {
                throw ApiException.forbidden("Only administrators (from the networks in api.admin.allowFrom) see"
                        + " other users' calls.");
            }
            user = caller.account().username();
        }
        String gateway = null;
        String gatewayId = exchange.query("gateway");
        if (gatewayId != null) {
            try {
                gateway = gateways.gateway(Long.parseLong(gatewayId)).map(Gateway::name).orElse("\u0000none");
            } catch (NumberFormatException e) {
                throw ApiException.invalidField("gateway", "Give the gateway's id.");
            }
        }
        BillingDirection direction = null;
        String dir = exchange.query("direction");
        if (dir != null) {
            try {
                direction = BillingDirection.valueOf(dir.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField("direction", "Give direction=inbound or direction=outbound.");
            }
        }
        return billing.find(new BillingQuery(user, gateway, instant(exchange, "from"), instant(exchange, "to"),
                direction, limit));
    }

    private static int limit(Exchange exchange) {
        String text = exchange.query("limit");
        if (text == null) {
            return 1000;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalidField("limit", "Give a limit from 1 to " + MAX_LIMIT + ".");
    }

    private static @Nullable Instant instant(Exchange exchange, String name) {
        String text = exchange.query(name);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(name, "Give an ISO-8601 instant such as 2026-11-26T09:00:00Z.");
        }
    }

    private static ZoneId zone(@Nullable String tz) {
        if (tz == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw ApiException.invalidField("tz", "'" + tz + "' is no time zone; use a name like Asia/Taipei.");
        }
    }
}
