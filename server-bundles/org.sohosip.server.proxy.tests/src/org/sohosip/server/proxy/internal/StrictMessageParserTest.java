// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The checks in front of JAIN-SIP's parser, on the raw header block. */
class StrictMessageParserTest {

    private static String head(String message) {
        return StrictMessageParserFactory.headerBlock(message.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void repeatedSingleValueHeadersAreFoundByFullAndCompactName() {
        String ok = "INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nVia: SIP/2.0/UDP g\r\n"
                + "Call-ID: x\r\nCSeq: 1 INVITE\r\nf: <sip:c@d>;tag=1\r\nTo: <sip:a@b>\r\nl: 0\r\n\r\n";
        assertNull(StrictMessageParserFactory.repeatedSingleHeader(head(ok)), "repeated Via is allowed");
        assertEquals("Call-ID", StrictMessageParserFactory.repeatedSingleHeader(head(ok.replace("l: 0",
                "i: y\r\nl: 0"))));
        assertEquals("From", StrictMessageParserFactory.repeatedSingleHeader(head(ok.replace("l: 0",
                "FROM : <sip:e@f>\r\nl: 0"))), "any case, white space before the colon");
        assertEquals("Content-Length", StrictMessageParserFactory.repeatedSingleHeader(head(ok.replace("l: 0",
                "Content-Length: 0\r\nl: 0"))));
        assertEquals("Max-Forwards", StrictMessageParserFactory.repeatedSingleHeader(head(ok.replace("l: 0",
                "Max-Forwards: 70\nmax-forwards: 69\nl: 0"))), "bare line feeds too");
    }

    @Test
    void foldedLinesAndTheBodyAreNotHeaders() {
        String folded = "REGISTER sip:b SIP/2.0\r\nTo: <sip:a@b>\r\nSubject: one\r\n to: not a header\r\n"
                + "Content-Length: 8\r\n\r\nTo: body";
        assertNull(StrictMessageParserFactory.repeatedSingleHeader(head(folded)));
    }
}
