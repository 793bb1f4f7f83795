// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.AccountRules;
import org.sohosip.core.OfficeHours;
import org.sohosip.core.api.EmergencyNumber;
import org.sohosip.core.api.GatewayChange;
import org.sohosip.core.api.InboundNumber;
import org.sohosip.core.api.RouteRule;

/**
 * The rules of the gateway bodies. Values end up in Asterisk's files and AMI packets, so line breaks, spaces where
 * Asterisk splits words, and anything beyond plain names are refused rather than escaped.
 */
final class GatewayValidator {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final Pattern TRUNK = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:_\\[\\]-]{1,255}");
    private static final Pattern AMI_USER = Pattern.compile("[A-Za-z0-9._@-]{1,80}");
    private static final Pattern SECRET = Pattern.compile("[^\\r\\n]{1,255}");
    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9_-]+/[A-Za-z0-9_./@:-]{1,70}");
    private static final Pattern DIAL = Pattern.compile("[0-9*#+]{1,20}");
    private static final Pattern DIGITS = Pattern.compile("[0-9*#+]{0,20}");
    private static final Pattern EMERGENCY = Pattern.compile("[0-9]{1,10}");
    private static final Pattern DID = Pattern.compile("\\+?[0-9]{1,20}");

    private GatewayValidator() {
    }

    static Map<String, String> check(GatewayChange g, boolean creating) {
        Map<String, String> f = new LinkedHashMap<>();
        match(f, "name", g.name(), NAME, "A name is 1-40 letters, digits, '.', '_' or '-'.");
        match(f, "amiHost", g.amiHost(), HOST, "Give Asterisk's host name or address.");
        port(f, "amiPort", g.amiPort());
        match(f, "amiUser", g.amiUser(), AMI_USER, "The AMI user is 1-80 letters, digits, '.', '_', '@' or '-'.");
        if (g.amiSecret() != null || creating) {
            match(f, "amiSecret", g.amiSecret(), SECRET, "The AMI secret is 1-255 characters on one line.");
        }
        match(f, "trunkName", g.trunkName(), TRUNK, "A trunk name is 1-40 letters, digits, '_' or '-'.");
        match(f, "sipHost", g.sipHost(), HOST, "Give the host name or address of Asterisk's SIP side.");
        port(f, "sipPort", g.sipPort());
        match(f, "outboundChannel", g.outboundChannel(), CHANNEL,
                "Name an Asterisk channel to the telephone network, e.g. DAHDI/g0 or PJSIP/provider.");
        String zone = g.timeZone();
        // a region id, not an offset: Asterisk's clock follows its region's daylight-saving rules
        if (zone != null && !ZoneId.getAvailableZoneIds().contains(zone)) {
            f.put("timeZone", "'" + zone + "' is no time zone of the tz database; give the zone of the Asterisk "
                    + "host's clock, like Asia/Taipei, Europe/Berlin or UTC.");
        }
        return f;
    }

    static Map<String, String> check(RouteRule r, LongPredicate gatewayExists) {
        Map<String, String> f = new LinkedHashMap<>();
        match(f, "prefix", r.prefix(), DIAL, "A prefix is 1-20 digits, '*', '#' or '+'.");
        if (r.prefix() != null && (r.stripDigits() < 0 || r.stripDigits() > r.prefix().length())) {
            f.put("stripDigits", "Strip 0 to " + r.prefix().length() + " digits (at most the prefix).");
        }
        match(f, "prepend", r.prepend(), DIGITS, "Prepend up to 20 digits, '*', '#' or '+' (or nothing).");
        if (!gatewayExists.test(r.gatewayId())) {
            f.put("gatewayId", "There is no gateway " + r.gatewayId() + ".");
        }
        if (r.allowedGroup() != null) {
            AccountRules.checkGroup(r.allowedGroup()).ifPresent(m -> f.put("allowedGroup", m));
        }
        if (r.description() == null || r.description().length() > 200) {
            f.put("description", "A description is up to 200 characters (may be empty, not missing).");
        }
        return f;
    }

    static Map<String, String> check(List<EmergencyNumber> numbers, LongPredicate gatewayExists) {
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 0; i < numbers.size(); i++) {
            EmergencyNumber n = numbers.get(i);
            if (n == null) {
                f.put("[" + i + "]", "An entry cannot be null.");
                continue;
            }
            match(f, "[" + i + "].number", n.number(), EMERGENCY, "An emergency number is 1-10 digits.");
            if (!gatewayExists.test(n.gatewayId())) {
                f.put("[" + i + "].gatewayId", "There is no gateway " + n.gatewayId() + ".");
            }
        }
        return f;
    }

    static Map<String, String> check(InboundNumber n) {
        Map<String, String> f = new LinkedHashMap<>();
        match(f, "did", n.did(), DID, "An inbound number is 1-20 digits, optionally after '+'.");
        if (n.targetKind() == null) {
            f.put("targetKind", AccountValidator.REQUIRED);
        }
        target(f, "target", n.target());
        if ((n.afterHoursKind() == null) != (n.afterHoursTarget() == null)) {
            f.put("afterHoursTarget", "Give both the after-hours kind and target, or neither.");
        } else if (n.afterHoursTarget() != null) {
            target(f, "afterHoursTarget", n.afterHoursTarget());
        }
        if (n.officeHours() != null && !n.officeHours().isBlank()) {
            try {
                OfficeHours.parse(n.officeHours());
            } catch (IllegalArgumentException e) {
                f.put("officeHours", e.getMessage());
            }
        }
        if (n.timeZone() == null) {
            f.put("timeZone", AccountValidator.REQUIRED);
        } else {
            try {
                ZoneId.of(n.timeZone());
            } catch (DateTimeException e) {
                f.put("timeZone", "'" + n.timeZone() + "' is no time zone; use a name like Asia/Taipei or UTC.");
            }
        }
        return f;
    }

    private static void target(Map<String, String> f, String field, @Nullable String value) {
        if (value == null) {
            f.put(field, AccountValidator.REQUIRED);
        } else if (value.isBlank() || value.length() > 64 || !value.matches("[A-Za-z0-9.*#+_-]+")) {
            f.put(field, "Name an extension, user name, group or mailbox (1-64 letters, digits and . * # + _ -).");
        }
    }

    private static void port(Map<String, String> f, String field, @Nullable Integer port) {
        if (port != null && (port < 1 || port > 65535)) {
            f.put(field, "A port is 1 to 65535.");
        }
    }

    private static void match(Map<String, String> f, String field, @Nullable String value, Pattern pattern,
            String message) {
        if (value == null) {
            f.put(field, AccountValidator.REQUIRED);
        } else if (!pattern.matcher(value).matches()) {
            f.put(field, message);
        }
    }
}
