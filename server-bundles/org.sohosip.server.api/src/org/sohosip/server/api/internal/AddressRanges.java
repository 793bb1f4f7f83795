// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    private static Optional<byte[]> literal(String host) {
        if (!LITERAL.matcher(host).matches()) {
            return Optional.empty();
        }
        if (host.indexOf(':') < 0) {
            return ipv4(host);
        }
        try {
            // An IPv6 literal (it has a colon): InetAddress parses it without any name lookup, and answers an
            // IPv4-mapped address (::ffff:a.b.c.d) as the IPv4 address.
            return Optional.of(InetAddress.getByName(host).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Strict dotted quad; done by hand because InetAddress would take a bad one for a host name and look it up. */
    private static Optional<byte[]> ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("[0-9]{1,3}")) {
                return Optional.empty();
            }
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        return Optional.of(bytes);
    }

    @Override
    public String toString() {
        return text;
    }
}
