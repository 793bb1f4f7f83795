// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of CIDR networks ({@code 192.168.1.0/24}, {@code ::1/128}) and the test whether an address lies in one of
 * them. Only literal addresses are accepted, so parsing never waits on a name lookup.
 */
public final class AddressRanges {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;
    private final String text;

    private AddressRanges(List<Range> ranges, String text) {
        this.ranges = List.copyOf(ranges);
        this.text = text;
    }

    /**
     * Parses a comma-separated list. An entry without {@code /prefix} means that single address.
     *
     * @throws IllegalArgumentException naming the entry that is not a literal address or has a bad prefix
     */
    public static AddressRanges parse(String list) {
        List<Range> ranges = new ArrayList<>();
        for (String raw : list.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            String host = slash < 0 ? entry : entry.substring(0, slash);
            byte[] network = literal(host).orElseThrow(() -> new IllegalArgumentException(
                    "api.admin.allowFrom: '" + entry + "' is not an IP address or CIDR network"));
            int prefix = network.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("api.admin.allowFrom: '" + entry + "' has a prefix outside 0-"
                            + network.length * 8);
                }
            }
            ranges.add(new Range(network, prefix));
        }
        return new AddressRanges(ranges, list);
    }

    /** @return whether the literal address (as a servlet container reports it) lies in one of the networks */
    public boolean contains(String address) {
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        int zone = bare.indexOf('%');
        byte[] bytes = literal(zone < 0 ? bare : bare.substring(0, zone)).orElse(null);
        return bytes != null && ranges.stream().anyMatch(r -> r.contains(bytes));
    }

    private static java.util.Optional<byte[]> literal(String host) {
        if (!LITERAL.matcher(host).matches() || host.indexOf(':') < 0 && host.chars().filter(c -> c == '.')
                .count() != 3) {
            return java.util.Optional.empty();
        }
        try {
            // Literal only (checked above): no DNS. IPv4-mapped IPv6 addresses come back as IPv4.
            return java.util.Optional.of(InetAddress.getByName(host).getAddress());
        } catch (UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
