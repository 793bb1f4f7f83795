// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Reading {@code Range} headers (RFC 9110 section 14) for a 1000-byte file. */
class ByteRangeTest {

    private static Optional<ByteRange> parse(String header) throws ByteRange.Unsatisfiable {
        return ByteRange.parse(header, 1000);
    }

    @Test
    void singleRanges() throws Exception {
        assertEquals(Optional.of(new ByteRange(0, 99)), parse("bytes=0-99"));
        assertEquals(Optional.of(new ByteRange(500, 999)), parse("bytes=500-"));
        assertEquals(Optional.of(new ByteRange(900, 999)), parse("bytes=-100"));
        assertEquals(Optional.of(new ByteRange(0, 999)), parse("bytes=-5000"), "a suffix longer than the file");
        assertEquals(Optional.of(new ByteRange(990, 999)), parse("bytes=990-5000"), "cut at the end");
        assertEquals(Optional.of(new ByteRange(999, 999)), parse(" bytes=999-999 "));
        assertEquals("bytes 900-999/1000", parse("bytes=-100").orElseThrow().contentRange(1000));
        assertEquals(100, parse("bytes=0-99").orElseThrow().size());
    }

    @Test
    void headersServedWhole() throws Exception {
        for (String header : new String[] { null, "", "bytes=", "bytes=-", "bytes=5-1", "bytes=0-1,4-5", "items=0-9",
                "bytes=a-b", "bytes=99999999999999999999-" }) {
            assertEquals(Optional.empty(), parse(header), String.valueOf(header));
        }
    }

    @Test
    void rangesOutsideTheFile() {
        for (String header : new String[] { "bytes=1000-", "bytes=1000-1000", "bytes=5000-6000", "bytes=-0" }) {
            assertThrows(ByteRange.Unsatisfiable.class, () -> parse(header), header);
        }
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse("bytes=-10", 0), "nothing in an empty file");
    }
}
