// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The application/dtmf-relay body. */
class DtmfInfoTest {

    @Test
    void writesSignalAndDuration() {
        assertEquals("Signal=5\r\nDuration=160\r\n", DtmfInfo.body('5', 160));
        assertEquals("Signal=#\r\nDuration=100\r\n", DtmfInfo.body('#', 100));
        assertThrows(IllegalArgumentException.class, () -> DtmfInfo.body('x', 160));
        assertThrows(IllegalArgumentException.class, () -> DtmfInfo.body('1', 0));
    }

    @Test
    void readsRelayAndBareBodies() {
        assertEquals(new DtmfInfo('5', 160), DtmfInfo.parse("Signal=5\r\nDuration=160\r\n").orElseThrow());
        assertEquals(new DtmfInfo('*', 250), DtmfInfo.parse("Signal= 10\nDuration= 250").orElseThrow());
        assertEquals(new DtmfInfo('#', 0), DtmfInfo.parse("Signal=11").orElseThrow());
        assertEquals(new DtmfInfo('D', 0), DtmfInfo.parse("d").orElseThrow());
        assertTrue(DtmfInfo.parse("Signal=12\r\nDuration=160").isEmpty());
        assertTrue(DtmfInfo.parse("Duration=160").isEmpty());
        assertTrue(DtmfInfo.parse("Signal=1\r\nDuration=abc").isEmpty());
    }
}
