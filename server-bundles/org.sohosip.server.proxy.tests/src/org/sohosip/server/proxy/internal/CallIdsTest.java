// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CallIdsTest {

    private static int hash(String message) {
        byte[] b = message.getBytes(StandardCharsets.ISO_8859_1);
        return CallIds.hash(b, 0, b.length);
    }

    private static String request(String callIdLine) {
        return "INVITE sip:bob@x SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bK1\r\n" + callIdLine
                + "\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";
    }

    @Test
    void theSameCallIdGivesTheSameHashWhateverTheHeaderSpelling() {
        int plain = hash(request("Call-ID: abc@host"));
        assertNotEquals(0, plain);
        assertEquals(plain, hash(request("call-id:abc@host  ")));
        assertEquals(plain, hash(request("CALL-ID :\tabc@host")));
        assertEquals(plain, hash(request("i: abc@host")), "compact form");
        assertEquals(plain, hash("SIP/2.0 200 OK\r\nCall-ID: abc@host\r\n\r\n"), "a response of the same call");
    }

    @Test
    void otherCallsAndMessagesWithoutCallIdDiffer() {
        assertNotEquals(hash(request("Call-ID: abc@host")), hash(request("Call-ID: abd@host")));
        assertEquals(0, hash(request("X-Call-ID: abc")));
        assertEquals(0, hash("\r\n\r\n"), "a keep-alive");
        assertEquals(0, hash("INVITE sip:b@x SIP/2.0\r\n\r\nCall-ID: in-the-body\r\n"), "only headers count");
        assertEquals(0, hash(""));
    }
}
