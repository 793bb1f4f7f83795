// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the gateway pages can tell about a field before anything is sent. The server checks everything again and
 * its answer wins; these spare the administrator a round trip for the obvious mistakes.
 */
final class Checks {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final Pattern TRUNK = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]_-]{1,253}");
    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9]+/\\S+");
    private static final Pattern PREFIX = Pattern.compile("[0-9*#+]{1,20}");
    private static final Pattern DIGITS = Pattern.compile("[0-9*#+]{0,20}");
    private static final Pattern EMERGENCY = Pattern.compile("[0-9]{1,10}");
    private static final Pattern DID = Pattern.compile("[0-9+]{1,20}");

    private Checks() {
    }

    static Optional<String> name(String v) {
        return NAME.matcher(v).matches() ? Optional.empty() : Optional.of(Messages.Check_name);
    }

    static Optional<String> trunk(String v) {
        return TRUNK.matcher(v).matches() ? Optional.empty() : Optional.of(Messages.Check_trunk);
    }

    static Optional<String> host(String v) {
        return HOST.matcher(v).matches() ? Optional.empty() : Optional.of(Messages.Check_host);
    }

    /** @return a message unless {@code v} is empty (the default port) or 1-65535 */
    static Optional<String> port(String v) {
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Integer p = integer(v);
        return p != null && p >= 1 && p <= 65535 ? Optional.empty() : Optional.of(Messages.Check_port);
    }

    static Optional<String> required(String v) {
        return v.isBlank() ? Optional.of(Messages.Check_required) : Optional.empty();
    }

    static Optional<String> channel(String v) {
        return CHANNEL.matcher(v).matches() ? Optional.empty() : Optional.of(Messages.Check_channel);
    }

    static Optional<String> prefix(String v) {
        return PREFIX.matcher(v).matches() ? Optional.empty() : Optional.of(Messages.Check_prefix);
    }

    static Optional<String> digits(String v) {
        return DIGITS.matcher(v).matches() ? Optional.empty() : Optional.of(Messages.Check_digits);
    }

    /** @return a message unless {@code v} is a whole number from 0 to the prefix's length */
    static Optional<String> strip(String v, String prefix) {
        Integer n = integer(v);
        return n != null && n >= 0 && n <= prefix.length() ? Optional.empty()
                : Optional.of(org.eclipse.osgi.util.NLS.bind(Messages.Check_strip, prefix.length()));
    }

    static Optional<String> emergency(String v) {
        return EMERGENCY.matcher(v).matches() ? Optional.empty() : Optional.of(Messages.Check_emergency);
    }

    static Optional<String> did(String v) {
        return DID.matcher(v).matches() ? Optional.empty() : Optional.of(Messages.Check_did);
    }

    static Optional<String> timeZone(String v) {
        try {
            java.time.ZoneId.of(v);
            return Optional.empty();
        } catch (java.time.DateTimeException e) {
            return Optional.of(Messages.Check_timeZone);
        }
    }

    /**
     * @return a message unless {@code v} is empty (the server's zone) or a zone name of the tz database; offsets
     *         such as +08:00 are refused, as the server does, since they miss daylight-saving changes
     */
    static Optional<String> zoneId(String v) {
        return v.isEmpty() || java.time.ZoneId.getAvailableZoneIds().contains(v) ? Optional.empty()
                : Optional.of(Messages.Check_zoneId);
    }

    /** @return the number, or {@code null} when {@code v} is not a whole number */
    static @org.eclipse.jdt.annotation.Nullable Integer integer(String v) {
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
