// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sohosip.client.core.tests.PhoneFixture.await;
import static org.sohosip.client.core.tests.PhoneFixture.awaitState;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohosip.client.core.Call;
import org.sohosip.client.core.CallState;
import org.sohosip.media.ToneDetector;

/** Two softphones calling each other directly: mute, and hold as the held side sees it. */
class PhoneToPhoneTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private PhoneFixture a;
    private PhoneFixture b;
    private Call fromA;
    private Call atB;

    @BeforeEach
    void connect() throws Exception {
        a = new PhoneFixture(false);
        b = new PhoneFixture(false);
        a.start("anna", Peer.freeUdpPort(), "unused-here");
        b.start("bert", Peer.freeUdpPort(), "unused-here");
        await("both phones run", () -> a.phone.localPort() > 0 && b.phone.localPort() > 0);
        fromA = a.phone.dial("sip:bert@127.0.0.1:" + b.phone.localPort());
        await("the call reaches b", () -> !b.phone.calls().isEmpty());
        atB = b.phone.calls().get(0);
        atB.answer();
        awaitState(fromA, CallState.ACTIVE);
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    @Test
    void muteSendsSilenceAndUnmuteBringsTheMicrophoneBack() throws Exception {
        ToneDetector atBSpeaker = b.audio.lastSpeaker();
        assertTrue(atBSpeaker.awaitTone(TestAudio.OWN_TONE, Duration.ofMillis(400), WAIT), "a's microphone is heard");
        a.phone.setMuted(fromA, true);
        assertTrue(a.phone.isMuted(fromA));
        await("silence at b", () -> !atBSpeaker.isPresent(TestAudio.OWN_TONE) && atBSpeaker.framesAnalysed() > 0);
        long before = atBSpeaker.framesPresent(TestAudio.OWN_TONE);
        Thread.sleep(500); // half a second of a muted call: the tone must not come back by itself
        assertEquals(before, atBSpeaker.framesPresent(TestAudio.OWN_TONE), "muted means nothing of the microphone");
        a.phone.setMuted(fromA, false);
        assertFalse(a.phone.isMuted(fromA));
        assertTrue(atBSpeaker.awaitTone(TestAudio.OWN_TONE, Duration.ofMillis(400), WAIT), "unmuted again");
    }

    @Test
    void theHeldSideSeesRemoteHoldAndGetsItsCallBack() throws Exception {
        b.phone.hold(atB);
        assertEquals(CallState.ON_HOLD, atB.state());
        awaitState(fromA, CallState.REMOTE_HOLD);
        b.phone.resume(atB);
        assertEquals(CallState.ACTIVE, atB.state());
        awaitState(fromA, CallState.ACTIVE);
        assertTrue(b.audio.lastSpeaker().awaitTone(TestAudio.OWN_TONE, Duration.ofMillis(400), WAIT),
                "after resume b hears a again");
        fromA.hangUp();
        awaitState(atB, CallState.ENDED);
        assertEquals("The other side hung up.", atB.endReason());
    }
}
