// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sohosip.client.core.ClientException;
import org.sohosip.client.core.internal.phone.EndReasons;
import org.sohosip.client.core.internal.phone.TargetAddress;

/** What people type into the dial field, and the sentences calls end with. */
class TargetAddressTest {

    private static final String D = "sohosip.local";

    @Test
    void extensionsNamesAliasesAndNumbersGoToTheOfficeDomain() {
        assertEquals("sip:3301@sohosip.local", TargetAddress.toUri("3301", D));
        assertEquals("sip:alice@sohosip.local", TargetAddress.toUri(" alice ", D));
        assertEquals("sip:reception@sohosip.local", TargetAddress.toUri("reception", D));
        assertEquals("sip:+886223456789@sohosip.local", TargetAddress.toUri("+886 (2) 2345-6789", D));
        assertEquals("sip:0223456789@sohosip.local", TargetAddress.toUri("02-2345 6789", D));
    }

    @Test
    void sipAddressesAreKept() {
        assertEquals("sip:bob@example.org", TargetAddress.toUri("sip:bob@example.org", D));
        assertEquals("sip:bob@127.0.0.1:5062", TargetAddress.toUri("sip:bob@127.0.0.1:5062", D));
        assertEquals("sip:bob@example.org", TargetAddress.toUri("bob@example.org", D));
        assertEquals("sip:3302@sohosip.local", TargetAddress.toUri("sip:3302", D));
    }

    @Test
    void nonsenseIsRefusedWithASentence() {
        for (String bad : new String[] { "", "   ", "two words", "sip:", "sip:@host", "sips:bob@x", "bob@" }) {
            ClientException e = assertThrows(ClientException.class, () -> TargetAddress.toUri(bad, D), bad);
            assertTrue(e.getMessage().endsWith(".") && e.getMessage().length() > 20, e.getMessage());
        }
    }

    @Test
    void endReasonsSayWhatHappened() {
        assertTrue(EndReasons.forFailure(486, "Busy Here").startsWith("Busy"));
        assertTrue(EndReasons.forFailure(603, "Decline").startsWith("Declined"));
        assertTrue(EndReasons.forFailure(480, "Temporarily Unavailable").startsWith("Not registered"));
        assertTrue(EndReasons.forFailure(404, "Not Found").startsWith("Not found"));
        assertTrue(EndReasons.forFailure(503, "Service Unavailable").contains("503 Service Unavailable"));
    }
}
