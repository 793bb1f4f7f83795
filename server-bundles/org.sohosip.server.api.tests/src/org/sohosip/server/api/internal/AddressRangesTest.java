// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRangesTest {

    private final AddressRanges defaults = AddressRanges.parse("127.0.0.0/8,::1/128");

    @Test
    void defaultAllowsLoopbackOnly() {
        assertTrue(defaults.contains("127.0.0.1"));
        assertTrue(defaults.contains("127.255.1.2"));
        assertTrue(defaults.contains("::1"));
        assertTrue(defaults.contains("[::1]"), "bracketed form some containers report");
        assertTrue(defaults.contains("0:0:0:0:0:0:0:1"));
        assertTrue(defaults.contains("::ffff:127.0.0.1"), "IPv4-mapped loopback");
        assertFalse(defaults.contains("128.0.0.1"));
        assertFalse(defaults.contains("192.168.1.10"));
        assertFalse(defaults.contains("::2"));
        assertFalse(defaults.contains("fe80::1%eth0"));
    }

    @Test
    void prefixesThatDoNotEndOnAByteBoundary() {
        AddressRanges ranges = AddressRanges.parse(" 192.168.2.0/23 , 2001:db8::/33");
        assertTrue(ranges.contains("192.168.2.1"));
        assertTrue(ranges.contains("192.168.3.254"));
        assertFalse(ranges.contains("192.168.4.1"));
        assertFalse(ranges.contains("192.168.1.255"));
        assertTrue(ranges.contains("2001:db8:7fff::1"));
        assertFalse(ranges.contains("2001:db8:8000::1"));
    }

    @Test
    void singleAddressAndEverything() {
        assertTrue(AddressRanges.parse("10.1.2.3").contains("10.1.2.3"));
        assertFalse(AddressRanges.parse("10.1.2.3").contains("10.1.2.4"));
        assertTrue(AddressRanges.parse("0.0.0.0/0").contains("203.0.113.9"));
        assertFalse(AddressRanges.parse("0.0.0.0/0").contains("::1"), "IPv4 ranges do not cover IPv6");
        assertFalse(AddressRanges.parse("").contains("127.0.0.1"), "empty list allows nobody");
    }

    @Test
    void garbageAddressesAreNotContained() {
        assertFalse(defaults.contains("localhost"));
        assertFalse(defaults.contains(""));
        assertFalse(defaults.contains("127.0.0"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "localhost", "10.0.0.0/33", "::1/129", "10.0.0.0/-1", "10.0.0.0/x", "1.2.3",
            "300.1.1.1/8" })
    void invalidEntriesAreRefusedNamingTheKey(String entry) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AddressRanges.parse("127.0.0.0/8," + entry));
        assertTrue(e.getMessage().contains("api.admin.allowFrom"), e.getMessage());
    }
}
