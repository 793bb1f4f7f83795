// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohosip.sip.AudioCodec;
import org.sohosip.sip.DigestCredentials;
import org.sohosip.sip.LocalMedia;
import org.sohosip.sip.MediaDirection;
import org.sohosip.sip.NegotiatedMedia;
import org.sohosip.sip.SipCall;
import org.sohosip.sip.SipCallState;
import org.sohosip.sip.SipIdentity;
import org.sohosip.sip.SipUserAgent;
import org.sohosip.sip.SipUserAgents;
import org.sohosip.sip.UserAgentConfig;

/** Calls to and from sipp peers. */
class SippCallTest {

    private static final LocalMedia RTP = new LocalMedia("127.0.0.1", 43000);

    private SipUserAgent ua;
    private Recorder events;
    private Sipp sipp;

    @BeforeEach
    void start() {
        ua = SipUserAgents.create(
                UserAgentConfig.of("127.0.0.1").withTimers(Duration.ofMillis(100), Duration.ofSeconds(20),
                        Duration.ofSeconds(20)),
                new SipIdentity("sip:alice@sohosip.local", "Alice",
                        DigestCredentials.fromPassword("alice", "sohosip.local", "secret".toCharArray()), null));
        events = new Recorder(ua);
    }

    @AfterEach
    void stop() {
        ua.close();
        if (sipp != null) {
            sipp.close();
        }
    }

    private SipCall dialSipp(String scenario) throws Exception {
        sipp = Sipp.start(scenario, 0, null);
        return ua.telephony().dial("sip:bob@127.0.0.1:" + sipp.port, RTP);
    }

    @Test
    void outgoingCallIsAnsweredAndHungUpHere() throws Exception {
        SipCall call = dialSipp("uas-answer.xml");
        events.state(call, SipCallState.RINGING);
        events.state(call, SipCallState.CONNECTED);
        NegotiatedMedia m = call.media().orElseThrow();
        assertEquals(new NegotiatedMedia("127.0.0.1", 49170, AudioCodec.PCMA, 96, MediaDirection.SENDRECV, 20), m,
                "the peer's codec choice and its telephone-event payload type are taken");
        call.hangUp();
        events.state(call, SipCallState.ENDED);
        sipp.assertSucceeded(); // sipp got ACK and BYE and checked the offer
    }

    @Test
    void outgoingCallIsHungUpByThePeer() throws Exception {
        SipCall call = dialSipp("uas-answer-hangup.xml");
        events.state(call, SipCallState.CONNECTED);
        events.state(call, SipCallState.ENDED);
        assertEquals(200, call.endReason().orElseThrow().statusCode());
        assertTrue(call.endReason().orElseThrow().byRemote());
        sipp.assertSucceeded();
    }

    @Test
    void busyEndsTheCallWith486() throws Exception {
        SipCall call = dialSipp("uas-busy.xml");
        events.state(call, SipCallState.ENDED);
        assertEquals(486, call.endReason().orElseThrow().statusCode());
        assertEquals("Busy Here", call.endReason().orElseThrow().reasonPhrase());
        sipp.assertSucceeded(); // the 486 was acknowledged
    }

    @Test
    void ringingCallIsCancelled() throws Exception {
        SipCall call = dialSipp("uas-ring-cancel.xml");
        events.state(call, SipCallState.RINGING);
        call.hangUp();
        events.state(call, SipCallState.ENDED);
        assertEquals(487, call.endReason().orElseThrow().statusCode());
        assertFalse(call.endReason().orElseThrow().byRemote());
        sipp.assertSucceeded(); // sipp received CANCEL, answered 200 and 487, and got the ACK
    }

    @Test
    void outgoingCallAnswersADigestChallenge() throws Exception {
        SipCall call = dialSipp("uas-invite-auth.xml");
        events.state(call, SipCallState.CONNECTED);
        call.hangUp();
        events.state(call, SipCallState.ENDED);
        sipp.assertSucceeded(); // sipp verified the digest answer to its 401
    }

    @Test
    void outgoingCallAnswersAProxyChallengeWithSha256() throws Exception {
        SipCall call = dialSipp("uas-proxy-auth.xml");
        events.state(call, SipCallState.CONNECTED);
        call.hangUp();
        events.state(call, SipCallState.ENDED);
        sipp.assertSucceeded(); // sipp checked the Proxy-Authorization chose SHA-256
    }

    @Test
    void holdAndResumeByReInvite() throws Exception {
        SipCall call = dialSipp("uas-hold.xml");
        events.state(call, SipCallState.CONNECTED);
        NegotiatedMedia held = ua.hold().hold(call).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(MediaDirection.SENDONLY, held.direction());
        NegotiatedMedia resumed = ua.hold().resume(call).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(MediaDirection.SENDRECV, resumed.direction());
        call.hangUp();
        events.state(call, SipCallState.ENDED);
        sipp.assertSucceeded(); // sipp checked sendonly, then sendrecv
    }

    @Test
    void holdIsTriedAgainAfterRequestPending() throws Exception {
        SipCall call = dialSipp("uas-hold-glare.xml");
        events.state(call, SipCallState.CONNECTED);
        long t0 = System.nanoTime();
        NegotiatedMedia held = ua.hold().hold(call).toCompletableFuture().get(10, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(MediaDirection.SENDONLY, held.direction());
        // we chose the Call-ID, so the second try waits 2.1 to 4 s (RFC 3261 section 14.1)
        assertTrue(millis >= 2100 && millis < 6000, "held after " + millis + " ms");
        ua.hold().resume(call).toCompletableFuture().get(10, TimeUnit.SECONDS);
        call.hangUp();
        events.state(call, SipCallState.ENDED);
        sipp.assertSucceeded();
    }

    @Test
    void incomingCallIsAnsweredThenTheCallerHangsUp() throws Exception {
        sipp = Sipp.start("uac-call.xml", 0, "127.0.0.1:" + ua.localPort(), "service", "alice");
        SipCall call = events.incoming();
        assertEquals("3301", call.remoteParty().user());
        assertEquals("Reception Desk", call.remoteParty().displayName());
        assertEquals(AudioCodec.PCMA, call.media().orElseThrow().codec(), "the caller's first codec");
        call.answer(RTP);
        events.state(call, SipCallState.CONNECTED);
        NegotiatedMedia m = call.media().orElseThrow();
        assertEquals(new NegotiatedMedia("127.0.0.1", 49180, AudioCodec.PCMA, 101, MediaDirection.SENDRECV, 20), m);
        events.state(call, SipCallState.ENDED);
        assertTrue(call.endReason().orElseThrow().byRemote());
        sipp.assertSucceeded(); // sipp checked our SDP answer
    }

    @Test
    void incomingCallWithoutOfferGetsOurOfferAndTheAnswerFromTheAck() throws Exception {
        sipp = Sipp.start("uac-late-offer.xml", 0, "127.0.0.1:" + ua.localPort(), "service", "alice");
        SipCall call = events.incoming();
        assertTrue(call.media().isEmpty(), "nothing to negotiate before the answer");
        call.answer(RTP);
        events.state(call, SipCallState.CONNECTED);
        assertEquals(new NegotiatedMedia("127.0.0.1", 49190, AudioCodec.PCMU, 101, MediaDirection.SENDRECV, 20),
                call.media().orElseThrow());
        events.state(call, SipCallState.ENDED);
        sipp.assertSucceeded(); // sipp checked our offer in the 200
    }

    @Test
    void remoteHoldIsAnsweredRecvonlyAndReported() throws Exception {
        sipp = Sipp.start("uac-hold.xml", 0, "127.0.0.1:" + ua.localPort(), "service", "alice");
        SipCall call = events.incoming();
        call.answer(RTP);
        events.state(call, SipCallState.CONNECTED);
        events.media(call, m -> m.direction() == MediaDirection.SENDRECV, "sendrecv when answered");
        events.media(call, m -> m.direction() == MediaDirection.RECVONLY, "recvonly while held");
        assertTrue(ua.hold().isRemoteHold(call));
        events.media(call, m -> m.direction() == MediaDirection.SENDRECV, "sendrecv after resume");
        assertFalse(ua.hold().isRemoteHold(call));
        events.state(call, SipCallState.ENDED);
        sipp.assertSucceeded();
    }
}
