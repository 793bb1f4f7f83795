// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sohosip.client.core.tests.PhoneFixture.await;
import static org.sohosip.client.core.tests.PhoneFixture.awaitState;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sohosip.client.core.Call;
import org.sohosip.client.core.CallState;
import org.sohosip.client.core.internal.phone.Softphone;
import org.sohosip.core.CallDirection;
import org.sohosip.media.ToneDetector;

/**
 * Calls between the softphone and real peers (baresip, sipp) on loopback, peer to peer: audio, answer, decline,
 * busy, hold and resume, DTMF both ways of sending, call waiting.
 */
class CallTest {

    private static final Duration TONE = Duration.ofMillis(400);
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    private PhoneFixture fixture;
    private Softphone phone;
    private final List<Peer> peers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        fixture = new PhoneFixture(false);
        phone = fixture.phone;
        fixture.start(Peer.freeUdpPort(), PhoneFixture.PASSWORD);
        await("the phone runs", () -> phone.localPort() > 0);
    }

    @AfterEach
    void stop() {
        fixture.close();
        peers.forEach(Peer::close);
    }

    private Peer peer(Peer p) {
        peers.add(p);
        return p;
    }

    private String phoneUri() {
        return "sip:bob@127.0.0.1:" + phone.localPort();
    }

    private Peer baresip(String name, int hz, int seconds, String... commands) throws Exception {
        int port = Peer.freeUdpPort();
        Peer p = peer(Peer.baresip(dir, name, port, Peer.wav(dir, name, hz, seconds + 5), seconds, commands));
        // baresip listens once it says so; calling it earlier would be refused
        await(name + " ready", () -> output(p).contains("ready"));
        return p.withPort(port);
    }

    private static String output(Peer p) {
        try {
            return p.output();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void outgoingCallIsAnsweredAndTheOtherSidesAudioArrives() throws Exception {
        Peer callee = baresip("callee", 1000, 30);
        Call call = phone.dial("sip:callee@127.0.0.1:" + callee.port());
        assertEquals(CallDirection.OUTGOING, call.direction());
        awaitState(call, CallState.ACTIVE);
        assertTrue(call.connected() != null);
        ToneDetector speaker = fixture.audio.lastSpeaker();
        assertTrue(speaker.awaitTone(TestAudio.PEER_TONE, TONE, WAIT),
                "the 1000 Hz tone baresip sends must be heard on the speaker; frames analysed: "
                        + speaker.framesAnalysed());
        call.hangUp();
        awaitState(call, CallState.ENDED);
        assertEquals("Call ended.", call.endReason());
        assertTrue(phone.calls().isEmpty());
        await("listeners told in order", () -> fixture.events.contains(call.id() + ":ENDED"));
        List<String> seen = fixture.events.stream().filter(e -> e.startsWith(call.id() + ":")).distinct().toList();
        assertEquals(call.id() + ":DIALING", seen.get(0));
        assertTrue(seen.indexOf(call.id() + ":ACTIVE") < seen.indexOf(call.id() + ":ENDED"), seen.toString());
    }

    @Test
    void incomingCallRingsIsAnsweredAndCarriesAudio() throws Exception {
        baresip("carol", 1000, 30, "/dial " + phoneUri());
        await("an incoming call", () -> !phone.calls().isEmpty());
        Call call = phone.calls().get(0);
        assertEquals(CallState.INCOMING, call.state());
        assertEquals(CallDirection.INCOMING, call.direction());
        assertTrue(call.remoteParty().contains("carol"), call.remoteParty());
        await("the ringtone", () -> "RINGTONE".equals(phone.alert()));
        call.answer();
        awaitState(call, CallState.ACTIVE);
        await("the ringtone stops", () -> "NONE".equals(phone.alert()));
        assertTrue(fixture.audio.lastSpeaker().awaitTone(TestAudio.PEER_TONE, TONE, WAIT),
                "the caller's tone must be heard");
        call.hangUp();
        awaitState(call, CallState.ENDED);
    }

    @Test
    void declinedCallAnswers603() throws Exception {
        int port = Peer.freeUdpPort();
        Peer caller = peer(Peer.sipp(dir, "decline", Scenarios.callDeclined(), port, "-s", "bob",
                "127.0.0.1:" + phone.localPort()));
        await("an incoming call", () -> !phone.calls().isEmpty());
        Call call = phone.calls().get(0);
        awaitState(call, CallState.INCOMING);
        call.decline();
        awaitState(call, CallState.ENDED);
        assertEquals("You declined the call.", call.endReason());
        assertEquals(0, caller.waitFor(WAIT), "sipp must have received 603:\n" + caller.messages());
        assertTrue(caller.messages().contains("SIP/2.0 603"));
    }

    @Test
    void busyCalleeEndsTheCallSayingBusy() throws Exception {
        int port = Peer.freeUdpPort();
        peer(Peer.sipp(dir, "busy", Scenarios.busy(), port));
        Call call = phone.dial("sip:busy@127.0.0.1:" + port);
        awaitState(call, CallState.ENDED);
        assertTrue(call.endReason().startsWith("Busy"), call.endReason());
    }

    @Test
    void holdAndResumeSendReInvites() throws Exception {
        int port = Peer.freeUdpPort();
        Peer callee = peer(Peer.sipp(dir, "hold", Scenarios.answerHoldResume(), port));
        Call call = phone.dial("sip:held@127.0.0.1:" + port);
        awaitState(call, CallState.RINGING);
        await("ringback while it rings", () -> "RINGBACK".equals(phone.alert()));
        awaitState(call, CallState.ACTIVE);
        await("ringback stops", () -> "NONE".equals(phone.alert()));
        phone.hold(call);
        assertEquals(CallState.ON_HOLD, call.state());
        await("the hold re-INVITE answered", () -> count(callee, "INVITE sip:") >= 2
                && count(callee, "ACK sip:") >= 2);
        phone.resume(call);
        assertEquals(CallState.ACTIVE, call.state());
        await("the resume re-INVITE answered", () -> count(callee, "INVITE sip:") >= 3
                && count(callee, "ACK sip:") >= 3);
        call.hangUp();
        assertEquals(0, callee.waitFor(WAIT), "sipp must have seen hold, resume and BYE:\n" + callee.messages());
        String resume = callee.messages().substring(callee.messages().lastIndexOf("INVITE sip:"));
        resume = resume.substring(0, resume.indexOf("SIP/2.0 200"));
        assertFalse(resume.contains("a=sendonly") || resume.contains("a=inactive"), resume);
    }

    private static int count(Peer p, String text) {
        return p.count(text);
    }

    @Test
    void dtmfGoesAsTelephoneEventWhenNegotiated() throws Exception {
        Peer callee = baresip("dtmf", 1000, 30);
        Call call = phone.dial("sip:dtmf@127.0.0.1:" + callee.port());
        awaitState(call, CallState.ACTIVE);
        assertTrue(fixture.audio.lastSpeaker().awaitTone(TestAudio.PEER_TONE, TONE, WAIT), "media flows");
        phone.sendDtmf(call, '7');
        try {
            // baresip reports each RFC 4733 event it decodes, and its end
            await("baresip received the digit", () -> output(callee).contains("received event: '7' (end=1)"));
        } catch (AssertionError e) {
            String out = output(callee).replaceAll("\\[[0-9:]+\\] audio=[^\\r\\n]*?\\(bit/s\\)\\s*", "");
            throw new AssertionError(e.getMessage() + "\n" + out.substring(Math.max(0, out.length() - 3000)), e);
        }
        call.hangUp();
    }

    @Test
    void dtmfGoesAsSipInfoWithoutTelephoneEvent() throws Exception {
        int port = Peer.freeUdpPort();
        Peer callee = peer(Peer.sipp(dir, "info", Scenarios.infoDtmf('9'), port));
        Call call = phone.dial("sip:info@127.0.0.1:" + port);
        awaitState(call, CallState.ACTIVE);
        phone.sendDtmf(call, '9');
        await("the INFO arrived", () -> count(callee, "INFO sip:") >= 1);
        call.hangUp();
        assertEquals(0, callee.waitFor(WAIT), "sipp must have seen Signal=9 by INFO:\n" + callee.messages());
    }

    @Test
    void secondIncomingCallWhileActiveIsCallWaitingAndAnsweringHoldsTheFirst() throws Exception {
        baresip("first", 0, 40, "/dial " + phoneUri());
        await("the first call", () -> !phone.calls().isEmpty());
        Call first = phone.calls().get(0);
        first.answer();
        awaitState(first, CallState.ACTIVE);
        ToneDetector firstSpeaker = fixture.audio.lastSpeaker();
        Peer second = peer(Peer.sipp(dir, "second", Scenarios.callAnswered(), Peer.freeUdpPort(), "-s", "bob",
                "127.0.0.1:" + phone.localPort()));
        await("the second call", () -> phone.calls().size() == 2);
        Call waiting = phone.calls().get(1);
        awaitState(waiting, CallState.INCOMING);
        await("call waiting, not the ringtone", () -> "CALL_WAITING".equals(phone.alert()));
        assertTrue(firstSpeaker.awaitTone(TestAudio.BEEP, Duration.ofMillis(200), WAIT),
                "the call-waiting beep must sound over the active call");
        assertEquals(CallState.ACTIVE, first.state(), "the first call stays active while the second waits");
        waiting.answer();
        awaitState(waiting, CallState.ACTIVE);
        assertEquals(CallState.ON_HOLD, first.state(), "answering puts the active call on hold first");
        await("no alert", () -> "NONE".equals(phone.alert()));
        waiting.hangUp();
        assertEquals(0, second.waitFor(WAIT), "sipp must have been answered and hung up:\n" + second.messages());
        phone.resume(first);
        assertEquals(CallState.ACTIVE, first.state());
        first.hangUp();
        awaitState(first, CallState.ENDED);
    }

    @Test
    void dialPutsTheActiveCallOnHoldFirst() throws Exception {
        Peer a = baresip("alpha", 1000, 30);
        Peer b = baresip("beta", 1000, 30);
        Call one = phone.dial("sip:alpha@127.0.0.1:" + a.port());
        awaitState(one, CallState.ACTIVE);
        Call two = phone.dial("sip:beta@127.0.0.1:" + b.port());
        assertEquals(CallState.ON_HOLD, one.state());
        awaitState(two, CallState.ACTIVE);
        assertEquals(1, phone.calls().stream().filter(c -> c.state() == CallState.ACTIVE).count());
        two.hangUp();
        one.hangUp();
        await("both ended", () -> phone.calls().isEmpty());
    }

    @Test
    void callerHangingUpBeforeAnswerIsAMissedCall() throws Exception {
        Peer caller = baresip("dave", 0, 3, "/dial " + phoneUri());
        await("an incoming call", () -> !phone.calls().isEmpty());
        Call call = phone.calls().get(0);
        caller.waitFor(Duration.ofSeconds(20));
        awaitState(call, CallState.ENDED);
        assertTrue(call.endReason().startsWith("Missed call"), call.endReason());
    }
}
