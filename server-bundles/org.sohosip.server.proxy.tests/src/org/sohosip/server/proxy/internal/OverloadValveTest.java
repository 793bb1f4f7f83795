// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sip.SipFactory;
import javax.sip.header.RetryAfterHeader;

import org.junit.jupiter.api.Test;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;

class OverloadValveTest {

    private final AtomicInteger waiting = new AtomicInteger();
    private final OverloadValve valve = new OverloadValve();

    OverloadValveTest() {
        valve.configure(100, 7, waiting::get);
    }

    private static SIPRequest request(String method, String toTag) throws Exception {
        String text = method + " sip:bob@test.sohosip SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bK77\r\n"
                + "From: <sip:alice@test.sohosip>;tag=a1\r\n"
                + "To: <sip:bob@test.sohosip>" + toTag + "\r\n"
                + "Call-ID: overload-1\r\nCSeq: 1 " + method + "\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        return (SIPRequest) SipFactory.getInstance().createMessageFactory().createRequest(text);
    }

    @Test
    void newCallsAndRegistrationsAreRefusedOnlyOverTheLimit() throws Exception {
        waiting.set(100);
        assertFalse(valve.shouldShed(request("INVITE", "")), "at the limit: still served");
        waiting.set(101);
        assertTrue(valve.shouldShed(request("INVITE", "")));
        assertTrue(valve.shouldShed(request("REGISTER", "")));
    }

    @Test
    void callsInProgressAreNeverRefused() throws Exception {
        waiting.set(10_000);
        assertFalse(valve.shouldShed(request("INVITE", ";tag=b2")), "re-INVITE");
        for (String method : new String[] { "BYE", "ACK", "CANCEL", "OPTIONS" }) {
            assertFalse(valve.shouldShed(request(method, "")), method);
        }
    }

    @Test
    void noLimitMeansNoShedding() throws Exception {
        valve.configure(0, 7, waiting::get);
        waiting.set(10_000);
        assertFalse(valve.shouldShed(request("INVITE", "")));
    }

    @Test
    void theRefusalIs503WithRetryAfter() throws Exception {
        SIPResponse refusal = valve.refusal(request("INVITE", ""));
        assertEquals(503, refusal.getStatusCode());
        RetryAfterHeader retry = (RetryAfterHeader) refusal.getHeader(RetryAfterHeader.NAME);
        assertNotNull(retry);
        assertEquals(7, retry.getRetryAfter());
        assertNotNull(refusal.getTo().getTag(), "a final answer carries a To tag");
        assertEquals("overload-1", refusal.getCallId().getCallId());
    }
}
