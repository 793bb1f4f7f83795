// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.Account;
import org.sohosip.core.CallDirection;
import org.sohosip.core.CallDisposition;
import org.sohosip.core.CallRecord;
import org.sohosip.core.api.CallHistoryEntry;
import org.sohosip.core.api.SipSettings;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.CallQuery;
import org.sohosip.server.store.CallRecordStore;

/**
 * {@code GET /sip} (where the softphone registers) and {@code GET /me/calls} (the caller's call history, seen from
 * their side: direction, the other party, and a call they did not answer as missed).
 */
final class CallHandlers {

    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;
    private static final List<String> TRANSPORTS = List.of("udp", "tcp");

    private final CallRecordStore calls;
    private final AccountStore accounts;
    private final String domain;
    private final int port;

    CallHandlers(CallRecordStore calls, AccountStore accounts, String domain, int port) {
        this.calls = calls;
        this.accounts = accounts;
        this.domain = domain;
        this.port = port;
    }

    void sipSettings(Exchange exchange) throws IOException {
        exchange.respond(200, new SipSettings(domain, port, TRANSPORTS));
    }

    void myCalls(Exchange exchange) throws IOException {
        String user = exchange.caller().account().username();
        CallDirection direction = choice(exchange, "direction", CallDirection.class);
        CallDisposition disposition = choice(exchange, "disposition", CallDisposition.class);
        Instant from = instant(exchange, "from");
        Instant to = instant(exchange, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.invalidField("to", "to must be later than from.");
        }
        int limit = limit(exchange.query("limit"));
        List<CallRecord> found = calls.find(new CallQuery(user, direction, disposition, from, to, limit));
        Map<String, Optional<Account>> names = new HashMap<>();
        exchange.respond(200, found.stream().map(c -> entry(c, user, names)).toList());
    }

    private CallHistoryEntry entry(CallRecord call, String user, Map<String, Optional<Account>> names) {
        boolean incoming = CallQuery.incoming(call, user);
        String other = incoming ? call.caller() : call.callee();
        String otherName = incoming ? call.callerName()
                : names.computeIfAbsent(other, accounts::findByUsername).map(Account::displayName).orElse(null);
        return new CallHistoryEntry(call.id(), incoming ? CallDirection.INCOMING : CallDirection.OUTGOING, other,
                otherName, call.start(), call.answer(), call.end(), call.durationSeconds(),
                CallQuery.seenBy(call, user));
    }

    private static <E extends Enum<E>> @Nullable E choice(Exchange exchange, String name, Class<E> type) {
        String value = exchange.query(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        throw ApiException.invalidField(name, name + " is one of " + String.join(", ", allowed) + ".");
    }

    private static @Nullable Instant instant(Exchange exchange, String name) {
        String value = exchange.query(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(name, name + " is an ISO-8601 instant such as 2026-11-26T09:00:00Z.");
        }
    }

    static int limit(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalidField("limit", "limit is a whole number from 1 to " + MAX_LIMIT + ".");
    }
}
