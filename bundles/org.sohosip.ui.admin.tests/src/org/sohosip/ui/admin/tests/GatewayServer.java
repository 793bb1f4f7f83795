// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.tests;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.sohosip.client.core.internal.Json;
import org.sohosip.core.Account;
import org.sohosip.core.api.ApiError;
import org.sohosip.core.api.BillingRecord;
import org.sohosip.core.api.BillingTotals;
import org.sohosip.core.api.EmergencyNumber;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.GatewayChange;
import org.sohosip.core.api.GatewayState;
import org.sohosip.core.api.GatewayStatus;
import org.sohosip.core.api.InboundNumber;
import org.sohosip.core.api.LoginResponse;
import org.sohosip.core.api.RouteRule;
import org.sohosip.ui.testing.LoopbackHttps;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsServer;

/**
 * A real HTTPS endpoint on a free loopback port that keeps gateways, route rules, emergency and inbound numbers and
 * billing records in memory and answers the gateway endpoints as {@code docs/api.md} describes them, with the
 * refusals the pages must show at their fields (duplicate names and prefixes: 409 {@code duplicate}; bad values:
 * 400 {@code invalid_field}). The administration pages run against it through the real client services and
 * session. It logs every request line.
 */
final class GatewayServer implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("/api/v1/([a-z-]+)/(\\d+)(/status)?");
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("UTC"));

    final List<String> requests = new CopyOnWriteArrayList<>();
    final Map<Long, Gateway> gateways = new ConcurrentHashMap<>();
    final Map<Long, String> secrets = new ConcurrentHashMap<>();
    final Map<Long, GatewayStatus> statuses = new ConcurrentHashMap<>();
    final Map<Long, RouteRule> routes = new ConcurrentHashMap<>();
    final Map<Long, InboundNumber> inbound = new ConcurrentHashMap<>();
    final List<BillingRecord> billing = new CopyOnWriteArrayList<>();
    /** The office's accounts ({@code GET /api/v1/accounts}), the administrator first. */
    final List<Account> accounts = new CopyOnWriteArrayList<>(List.of(new Account(1, "admin", "Office Admin", "3300",
            List.of(), true, true)));
    volatile List<EmergencyNumber> emergency = List.of();
    private final AtomicLong ids = new AtomicLong(100);
    private final HttpsServer server;
    private final ObjectMapper json = Json.mapper();

    /** A refusal with the API's error body. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ApiError error;

        Refusal(int status, String code, String message, Map<String, String> fields) {
            super(message);
            this.error = new ApiError(status, code, message, fields);
        }
    }

    GatewayServer(Path dir) throws Exception {
        server = LoopbackHttps.start(dir, this::handle);
    }

    URI uri() {
        return LoopbackHttps.uri(server);
    }

    Gateway addGateway(String name, String host, GatewayState state, String version) {
        long id = ids.incrementAndGet();
        Gateway g = new Gateway(id, name, host, 5038, "sohosip", true, "sohosip", host, 5060, "DAHDI/g0", true);
        gateways.put(id, g);
        secrets.put(id, "initial-secret");
        statuses.put(id, new GatewayStatus(id, state, version, null, Instant.parse("2026-11-26T08:00:00Z")));
        return g;
    }

    RouteRule addRoute(String prefix, int strip, String prepend, long gatewayId, String group, String text) {
        long id = ids.incrementAndGet();
        RouteRule r = new RouteRule(id, prefix, strip, prepend, gatewayId, group, text);
        routes.put(id, r);
        return r;
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String query = x.getRequestURI().getRawQuery();
        requests.add(x.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
        byte[] body = x.getRequestBody().readAllBytes();
        try {
            Object answer = route(x.getRequestMethod(), path, query == null ? Map.of() : params(query), body);
            if (answer == null) {
                x.sendResponseHeaders(204, -1);
            } else if (answer instanceof byte[] csv) {
                x.getResponseHeaders().set("Content-Type", "text/csv");
                x.sendResponseHeaders(200, csv.length);
                x.getResponseBody().write(csv);
            } else {
                send(x, x.getRequestMethod().equals("POST") && !path.endsWith("/login") ? 201 : 200, answer);
            }
        } catch (Refusal r) {
            send(x, r.error.status(), r.error);
        } catch (RuntimeException e) {
            send(x, 400, new ApiError(400, "invalid_json", String.valueOf(e.getMessage()), Map.of()));
        }
        x.close();
    }

    private void send(HttpExchange x, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
    }

    private static Map<String, String> params(String query) {
        Map<String, String> m = new HashMap<>();
        for (String kv : query.split("&")) {
            int eq = kv.indexOf('=');
            m.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    private <T> T read(byte[] body, TypeReference<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new Refusal(400, "invalid_json", "The body is not valid JSON.", Map.of());
        }
    }

    private Object route(String method, String path, Map<String, String> q, byte[] body) {
        String key = method + " " + path;
        switch (key) {
            case "POST /api/v1/auth/login":
                return new LoginResponse("tok-admin", Instant.now().plusSeconds(3600),
                        new Account(1, "admin", "Office Admin", "3300", List.of(), true, true));
            case "POST /api/v1/auth/logout":
                return null;
            case "GET /api/v1/accounts":
                return accounts.stream().sorted(Comparator.comparing(Account::username)).toList();
            case "GET /api/v1/gateways":
                return gateways.values().stream().sorted(Comparator.comparing(Gateway::name)).toList();
            case "POST /api/v1/gateways":
                return saveGateway(ids.incrementAndGet(), read(body, new TypeReference<GatewayChange>() { }), true);
            case "GET /api/v1/routes":
                return routes.values().stream().sorted(Comparator.comparing(RouteRule::prefix)).toList();
            case "POST /api/v1/routes":
                return saveRoute(ids.incrementAndGet(), read(body, new TypeReference<RouteRule>() { }));
            case "GET /api/v1/emergency-numbers":
                return emergency;
            case "PUT /api/v1/emergency-numbers":
                return saveEmergency(read(body, new TypeReference<List<EmergencyNumber>>() { }));
            case "GET /api/v1/inbound-numbers":
                return inbound.values().stream().sorted(Comparator.comparing(InboundNumber::did)).toList();
            case "POST /api/v1/inbound-numbers":
                return saveInbound(ids.incrementAndGet(), read(body, new TypeReference<InboundNumber>() { }));
            case "GET /api/v1/billing":
                return records(q);
            case "GET /api/v1/billing/totals":
                return totals(q);
            case "GET /api/v1/billing.csv":
                return csv(records(q));
            default:
                return byId(method, path, body);
        }
    }

    private Object byId(String method, String path, byte[] body) {
        Matcher m = ID.matcher(path);
        if (!m.matches()) {
            throw new Refusal(404, "not_found", "No such resource.", Map.of());
        }
        long id = Long.parseLong(m.group(2));
        String kind = m.group(1) + (m.group(3) == null ? "" : "/status");
        Map<Long, ?> store = switch (m.group(1)) {
            case "gateways" -> gateways;
            case "routes" -> routes;
            case "inbound-numbers" -> inbound;
            default -> Map.of();
        };
        if (!store.containsKey(id)) {
            throw new Refusal(404, "not_found", "No such " + m.group(1) + ".", Map.of());
        }
        switch (method + " " + kind) {
            case "GET gateways/status":
                return statuses.get(id);
            case "PUT gateways":
                return saveGateway(id, read(body, new TypeReference<GatewayChange>() { }), false);
            case "PUT routes":
                return saveRoute(id, read(body, new TypeReference<RouteRule>() { }));
            case "PUT inbound-numbers":
                return saveInbound(id, read(body, new TypeReference<InboundNumber>() { }));
            case "DELETE gateways":
                if (routes.values().stream().anyMatch(r -> r.gatewayId() == id)) {
                    throw new Refusal(409, "in_use", "Route rules still use gateway " + gateways.get(id).name()
                            + ".", Map.of());
                }
                gateways.remove(id);
                return null;
            case "DELETE routes":
                routes.remove(id);
                return null;
            case "DELETE inbound-numbers":
                inbound.remove(id);
                return null;
            default:
                throw new Refusal(405, "method_not_allowed", "Not allowed.", Map.of());
        }
    }

    private Gateway saveGateway(long id, GatewayChange c, boolean create) {
        Map<String, String> bad = new TreeMap<>();
        if (c.amiPort() != null && (c.amiPort() < 1 || c.amiPort() > 65535)) {
            bad.put("amiPort", "The AMI port is 1 to 65535.");
        }
        if (create && c.amiSecret() == null) {
            bad.put("amiSecret", "A new gateway needs the AMI secret.");
        }
        if (!bad.isEmpty()) {
            throw new Refusal(400, "invalid_field", "Some fields are not valid.", bad);
        }
        if (gateways.values().stream().anyMatch(g -> g.id() != id && g.name().equals(c.name()))) {
            throw new Refusal(409, "duplicate", "That name is taken.",
                    Map.of("name", "A gateway named '" + c.name() + "' already exists."));
        }
        if (c.amiSecret() != null) {
            secrets.put(id, c.amiSecret());
        }
        String zone = c.timeZone() != null ? c.timeZone() : create ? "UTC" : gateways.get(id).timeZone();
        Gateway g = new Gateway(id, c.name(), c.amiHost(), c.amiPort() == null ? 5038 : c.amiPort(), c.amiUser(),
                secrets.containsKey(id), c.trunkName(), c.sipHost(), c.sipPort() == null ? 5060 : c.sipPort(),
                c.outboundChannel(), c.enabled() == null || c.enabled(), zone);
        gateways.put(id, g);
        statuses.putIfAbsent(id, new GatewayStatus(id, g.enabled() ? GatewayState.CONNECTING : GatewayState.DISABLED,
                null, null, Instant.now()));
        return g;
    }

    private RouteRule saveRoute(long id, RouteRule r) {
        if (routes.values().stream().anyMatch(o -> o.id() != id && o.prefix().equals(r.prefix()))) {
            throw new Refusal(409, "duplicate", "That prefix is taken.",
                    Map.of("prefix", "Another rule already uses prefix " + r.prefix() + "."));
        }
        if (!gateways.containsKey(r.gatewayId())) {
            throw new Refusal(400, "invalid_field", "Some fields are not valid.",
                    Map.of("gatewayId", "No such gateway."));
        }
        RouteRule stored = new RouteRule(id, r.prefix(), r.stripDigits(), r.prepend(), r.gatewayId(),
                r.allowedGroup(), r.description());
        routes.put(id, stored);
        return stored;
    }

    private List<EmergencyNumber> saveEmergency(List<EmergencyNumber> list) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).number().startsWith("0")) {
                throw new Refusal(400, "invalid_field", "Some fields are not valid.", Map.of("numbers[" + i
                        + "].number", "An emergency number cannot start with the outside-line prefix 0."));
            }
        }
        emergency = list.stream().sorted(Comparator.comparing(EmergencyNumber::number)).toList();
        return emergency;
    }

    private InboundNumber saveInbound(long id, InboundNumber n) {
        String day = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
        String hours = day + "(-" + day + ")? \\d\\d:\\d\\d-\\d\\d:\\d\\d";
        if (n.officeHours() != null && !n.officeHours().matches(hours)) {
            throw new Refusal(400, "invalid_field", "Some fields are not valid.", Map.of("officeHours",
                    "Write office hours like Mon-Fri 08:30-18:00."));
        }
        InboundNumber stored = new InboundNumber(id, n.did(), n.targetKind(), n.target(), n.afterHoursKind(),
                n.afterHoursTarget(), n.officeHours(), n.timeZone());
        inbound.put(id, stored);
        return stored;
    }

    private List<BillingRecord> records(Map<String, String> q) {
        return billing.stream().filter(r -> !q.containsKey("user") || q.get("user").equals(r.account()))
                .filter(r -> !q.containsKey("gateway") || gatewayName(q.get("gateway")).equals(r.gateway()))
                .filter(r -> !q.containsKey("direction") || r.direction().name().equalsIgnoreCase(q.get("direction")))
                .filter(r -> !q.containsKey("from") || !r.start().isBefore(Instant.parse(q.get("from"))))
                .filter(r -> !q.containsKey("to") || r.start().isBefore(Instant.parse(q.get("to"))))
                .sorted(Comparator.comparing(BillingRecord::start).reversed())
                .limit(Long.parseLong(q.getOrDefault("limit", "1000"))).toList();
    }

    private String gatewayName(String id) {
        Gateway g = gateways.get(Long.parseLong(id));
        return g == null ? "" : g.name();
    }

    private List<BillingTotals> totals(Map<String, String> q) {
        ZoneId zone = ZoneId.of(q.getOrDefault("tz", "UTC"));
        Function<BillingRecord, String> key = switch (q.get("by")) {
            case "user" -> r -> r.account() == null ? "-" : r.account();
            case "day" -> r -> r.start().atZone(zone).toLocalDate().toString();
            default -> r -> String.format("%02d", r.start().atZone(zone).getHour());
        };
        Map<String, List<BillingRecord>> groups = records(q).stream()
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        List<BillingTotals> out = new ArrayList<>();
        groups.forEach((k, list) -> out.add(new BillingTotals(k, list.size(),
                list.stream().filter(r -> r.answer() != null).count(),
                list.stream().mapToLong(BillingRecord::billableSeconds).sum())));
        return out;
    }

    /** Master.csv columns: accountcode, src, dst, dcontext, clid, channel, ... uniqueid, userfield. */
    private static byte[] csv(List<BillingRecord> records) {
        StringBuilder b = new StringBuilder();
        for (BillingRecord r : records) {
            b.append("\"\",\"").append(r.account()).append("\",\"").append(r.externalNumber())
                    .append("\",\"from-sohosip\",\"\",\"\",\"\",\"Dial\",\"\",\"").append(CSV_TIME.format(r.start()))
                    .append("\",\"").append(r.answer() == null ? "" : CSV_TIME.format(r.answer())).append("\",\"")
                    .append(CSV_TIME.format(r.end())).append("\",")
                    .append(r.end().getEpochSecond() - r.start().getEpochSecond()).append(',')
                    .append(r.billableSeconds()).append(",\"").append(r.disposition().asteriskName())
                    .append("\",\"DOCUMENTATION\",\"").append(r.uniqueId()).append("\",\"\"\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
