// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohosip.sip.AudioCodec;
import org.sohosip.sip.EndReason;
import org.sohosip.sip.LocalMedia;
import org.sohosip.sip.MediaDirection;
import org.sohosip.sip.NegotiatedMedia;
import org.sohosip.sip.SipCall;
import org.sohosip.sip.SipCallState;
import org.sohosip.sip.SipException;
import org.sohosip.sip.SipIdentity;
import org.sohosip.sip.SipUserAgent;
import org.sohosip.sip.SipUserAgents;
import org.sohosip.sip.UserAgentConfig;

/** Two of our own user agents call each other directly over loopback. */
class LoopbackCallTest {

    private static final LocalMedia ALICE_RTP = new LocalMedia("127.0.0.1", 41000);
    private static final LocalMedia BOB_RTP = new LocalMedia("127.0.0.1", 42000);

    private SipUserAgent alice;
    private SipUserAgent bob;
    private Recorder aliceEvents;
    private Recorder bobEvents;

    @BeforeEach
    void start() {
        UserAgentConfig cfg = UserAgentConfig.of("127.0.0.1").withTimers(Duration.ofMillis(100),
                Duration.ofSeconds(20), Duration.ofSeconds(20));
        alice = SipUserAgents.create(cfg, new SipIdentity("sip:alice@sohosip.local", "Alice Liddell", null, null));
        bob = SipUserAgents.create(cfg, new SipIdentity("sip:bob@sohosip.local", "Bob", null, null));
        aliceEvents = new Recorder(alice);
        bobEvents = new Recorder(bob);
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
    }

    private String bobUri(String transport) {
        return "sip:bob@127.0.0.1:" + bob.localPort() + (transport.equals("udp") ? "" : ";transport=" + transport);
    }

    private SipCall[] connect(String transport) {
        SipCall out = alice.telephony().dial(bobUri(transport), ALICE_RTP);
        SipCall in = bobEvents.incoming();
        assertEquals("alice", in.remoteParty().user());
        assertEquals("Alice Liddell", in.remoteParty().displayName());
        aliceEvents.state(out, SipCallState.RINGING);
        in.answer(BOB_RTP);
        aliceEvents.state(out, SipCallState.CONNECTED);
        bobEvents.state(in, SipCallState.CONNECTED);
        return new SipCall[] { out, in };
    }

    @Test
    void callAnswerAndHangUpOverUdp() {
        SipCall[] c = connect("udp");
        NegotiatedMedia a = aliceEvents.media(c[0], m -> true, "at alice");
        NegotiatedMedia b = bobEvents.media(c[1], m -> true, "at bob");
        assertEquals(new NegotiatedMedia("127.0.0.1", 42000, AudioCodec.PCMU, 101, MediaDirection.SENDRECV, 20), a);
        assertEquals(new NegotiatedMedia("127.0.0.1", 41000, AudioCodec.PCMU, 101, MediaDirection.SENDRECV, 20), b);
        assertEquals(1, alice.telephony().calls().size());
        c[0].hangUp();
        bobEvents.state(c[1], SipCallState.ENDED);
        aliceEvents.state(c[0], SipCallState.ENDED);
        assertEquals(new EndReason(200, "Hung up by the other side", true), c[1].endReason().orElseThrow());
        assertFalse(c[0].endReason().orElseThrow().byRemote());
        assertTrue(alice.telephony().calls().isEmpty());
        assertTrue(bob.telephony().calls().isEmpty());
    }

    @Test
    void callOverTcpAndCalleeHangsUp() {
        SipCall[] c = connect("tcp");
        c[1].hangUp();
        aliceEvents.state(c[0], SipCallState.ENDED);
        assertTrue(c[0].endReason().orElseThrow().byRemote());
    }

    @Test
    void holdAndResumeChangeDirectionsOnBothSides() throws Exception {
        SipCall[] c = connect("udp");
        // the media reported when the call connected, so that later waits see only the changes
        aliceEvents.media(c[0], m -> m.direction() == MediaDirection.SENDRECV, "sendrecv at alice");
        bobEvents.media(c[1], m -> m.direction() == MediaDirection.SENDRECV, "sendrecv at bob");
        NegotiatedMedia held = alice.hold().hold(c[0]).toCompletableFuture().get(15, TimeUnit.SECONDS);
        assertEquals(MediaDirection.SENDONLY, held.direction());
        assertTrue(alice.hold().isOnHold(c[0]));
        bobEvents.media(c[1], m -> m.direction() == MediaDirection.RECVONLY, "recvonly at bob");
        assertTrue(bob.hold().isRemoteHold(c[1]));

        // both hold: bob's offer becomes inactive
        NegotiatedMedia both = bob.hold().hold(c[1]).toCompletableFuture().get(15, TimeUnit.SECONDS);
        assertEquals(MediaDirection.INACTIVE, both.direction());
        aliceEvents.media(c[0], m -> m.direction() == MediaDirection.INACTIVE, "inactive at alice");

        bob.hold().resume(c[1]).toCompletableFuture().get(15, TimeUnit.SECONDS);
        NegotiatedMedia resumed = alice.hold().resume(c[0]).toCompletableFuture().get(15, TimeUnit.SECONDS);
        assertEquals(MediaDirection.SENDRECV, resumed.direction());
        bobEvents.media(c[1], m -> m.direction() == MediaDirection.SENDRECV, "sendrecv at bob");
        assertFalse(alice.hold().isOnHold(c[0]));
        assertFalse(bob.hold().isRemoteHold(c[1]));
    }

    @Test
    void dtmfOverInfoReachesTheOtherSide() throws Exception {
        SipCall[] c = connect("udp");
        alice.dtmf().sendInfo(c[0], '5', 160).toCompletableFuture().get(15, TimeUnit.SECONDS);
        Recorder.Dtmf d = bobEvents.dtmf();
        assertEquals('5', d.digit());
        assertEquals(160, d.duration());
        assertEquals(c[1], d.call());
        bob.dtmf().sendInfo(c[1], '#', 100).toCompletableFuture().get(15, TimeUnit.SECONDS);
        assertEquals('#', aliceEvents.dtmf().digit());
        assertThrows(IllegalArgumentException.class, () -> alice.dtmf().sendInfo(c[0], 'x', 160));
    }

    @Test
    void declineAndBusyEndTheCallerWithTheirStatus() {
        SipCall out = alice.telephony().dial(bobUri("udp"), ALICE_RTP);
        SipCall in = bobEvents.incoming();
        in.decline();
        aliceEvents.state(out, SipCallState.ENDED);
        assertEquals(603, out.endReason().orElseThrow().statusCode());
        assertTrue(out.endReason().orElseThrow().byRemote());
        assertEquals(603, in.endReason().orElseThrow().statusCode());
        assertThrows(SipException.class, () -> in.answer(BOB_RTP), "an ended call cannot be answered");

        SipCall out2 = alice.telephony().dial(bobUri("udp"), ALICE_RTP);
        bobEvents.incoming().rejectBusy();
        aliceEvents.state(out2, SipCallState.ENDED);
        assertEquals(486, out2.endReason().orElseThrow().statusCode());
    }

    @Test
    void callerCancelsWhileItRings() {
        SipCall out = alice.telephony().dial(bobUri("udp"), ALICE_RTP);
        SipCall in = bobEvents.incoming();
        aliceEvents.state(out, SipCallState.RINGING);
        out.hangUp();
        bobEvents.state(in, SipCallState.ENDED);
        assertEquals(487, in.endReason().orElseThrow().statusCode());
        assertTrue(in.endReason().orElseThrow().byRemote());
        aliceEvents.state(out, SipCallState.ENDED);
        assertFalse(out.endReason().orElseThrow().byRemote());
    }

    @Test
    void anUnansweredCallIsRefusedAfterTheRingTimeout() {
        SipUserAgent carol = SipUserAgents.create(UserAgentConfig.of("127.0.0.1").withTimers(Duration.ofMillis(100),
                Duration.ofSeconds(20), Duration.ofMillis(700)), new SipIdentity("sip:carol@x", null, null, null));
        try {
            Recorder carolEvents = new Recorder(carol);
            SipCall out = alice.telephony().dial("sip:carol@127.0.0.1:" + carol.localPort(), ALICE_RTP);
            SipCall in = carolEvents.incoming();
            carolEvents.state(in, SipCallState.ENDED);
            aliceEvents.state(out, SipCallState.ENDED);
            assertEquals(480, out.endReason().orElseThrow().statusCode());
        } finally {
            carol.close();
        }
    }

    @Test
    void aCallNobodyAnswersEndsAtTheTransactionGuard() throws Exception {
        SipUserAgent impatient = SipUserAgents.create(UserAgentConfig.of("127.0.0.1").withTimers(
                Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(20)),
                new SipIdentity("sip:dave@x", null, null, null));
        try {
            Recorder ev = new Recorder(impatient);
            long t0 = System.nanoTime();
            // a port where nothing listens: no response at all, the stack alone would wait 64 x T1 = 32 s
            SipCall out = impatient.telephony().dial("sip:nobody@127.0.0.1:" + Sipp.freeUdpPort(), ALICE_RTP);
            ev.state(out, SipCallState.ENDED);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(408, out.endReason().orElseThrow().statusCode());
            assertTrue(millis >= 900 && millis < 5000, "ended after " + millis + " ms");
        } finally {
            impatient.close();
        }
    }

    @Test
    void closingTheAgentHangsUpItsCalls() {
        SipCall[] c = connect("udp");
        alice.close();
        bobEvents.state(c[1], SipCallState.ENDED);
        assertThrows(SipException.class, () -> alice.telephony().dial(bobUri("udp"), ALICE_RTP));
    }

    @Test
    void badTargetsAreRefusedAtOnce() {
        assertThrows(SipException.class, () -> alice.telephony().dial("two words", ALICE_RTP));
        assertThrows(SipException.class, () -> alice.telephony().dial("sip:", ALICE_RTP));
    }

    @Test
    void holdOfAnEndedCallFails() {
        SipCall[] c = connect("udp");
        c[0].hangUp();
        aliceEvents.state(c[0], SipCallState.ENDED);
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> alice.hold().hold(c[0]).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof SipException);
    }
}
