// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sohosip.media.internal.ReceptionStats;

/** Loss counting from RTP sequence numbers (RFC 3550 A.1/A.3), across the 16-bit wrap. */
class ReceptionStatsTest {

    private final ReceptionStats stats = new ReceptionStats();

    @Test
    void theSequenceNumberWrapIsNoLoss() {
        for (int i = 0; i < 100; i++) {
            stats.update(7, (65500 + i) & 0xFFFF);
        }
        assertEquals(100, stats.expected());
        assertEquals(0, stats.lost());
    }

    @Test
    void gapsAcrossTheWrapAreLoss() {
        stats.update(7, 65534);
        stats.update(7, 65535);
        stats.update(7, 2); // 0 and 1 lost
        stats.update(7, 1); // 1 came late after all
        assertEquals(5, stats.expected());
        assertEquals(1, stats.lost());
    }

    @Test
    void aDuplicateCountsAsReceivedAsRfc3550Says() {
        stats.update(7, 10);
        stats.update(7, 12);
        stats.update(7, 12);
        assertEquals(0, stats.lost(), "RFC 3550 counts a duplicate as received");
        stats.update(7, 14);
        assertEquals(1, stats.lost());
    }

    @Test
    void aNewSsrcStartsCountingAgainButKeepsTheTotal() {
        stats.update(7, 100);
        stats.update(7, 103);
        assertEquals(2, stats.lost());
        assertFalse(stats.update(8, 5000));
        assertEquals(0, stats.lost());
        assertTrue(stats.update(8, 5001));
        assertEquals(2, stats.totalLost());
    }
}
