// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sohosip.client.core.tests.PhoneFixture.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sohosip.client.core.Call;
import org.sohosip.client.core.CallListener;
import org.sohosip.client.core.CallState;

/**
 * The caller hangs up at the very moment the callee answers: while the 200 is on its way, while the caller's
 * user agent takes it in, and as soon as the caller is told the call connected. Every time the callee's call must
 * end by the caller's BYE within a moment (not by the ACK timeout much later, and never stay up), and the caller's
 * call must end and leave no call behind.
 */
class HangUpAtAnswerTest {

    private static final int ROUNDS = 40;
    private static final String SESSION_CLOSED = "session closed";
    /** Well under the callee's ACK timeout (64 × the 100 ms retransmission timer): only a BYE ends it this fast. */
    private static final Duration BYE_WITHIN = Duration.ofSeconds(4);

    @TempDir
    java.nio.file.Path dir;
    private PhoneFixture a;
    private PhoneFixture b;

    @BeforeEach
    void start() throws Exception {
        a = new PhoneFixture(false);
        b = new PhoneFixture(false);
        a.start("anna", Peer.freeUdpPort(), "unused-here");
        b.start("bert", Peer.freeUdpPort(), "unused-here");
        await("both phones run", () -> a.phone.localPort() > 0 && b.phone.localPort() > 0);
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    @Test
    void hangingUpAsTheCallIsAnsweredAlwaysEndsItOnBothSides() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            int moment = round % 3;
            AtomicReference<Call> fromA = new AtomicReference<>();
            // moment 2: hang up on the softphone's events thread as soon as the caller is told it connected
            CallListener onConnect = c -> {
                Call own = fromA.get();
                if (moment == 2 && c.state() == CallState.ACTIVE && own != null && own.equals(c)) {
                    own.hangUp();
                }
            };
            a.phone.addListener(onConnect);
            try {
                fromA.set(a.phone.dial("sip:bert@127.0.0.1:" + b.phone.localPort()));
                await("round " + round + ": the call reaches b", () -> !b.phone.calls().isEmpty());
                Call atB = b.phone.calls().get(0);
                atB.answer();
                if (moment == 1) {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(0, 15));
                }
                if (moment != 2) {
                    fromA.get().hangUp(); // moment 0: while the 200 is still on its way
                }
                String what = "round " + round + " (moment " + moment + ")";
                await(what + ": b's call ended by a's BYE", BYE_WITHIN, () -> atB.state() == CallState.ENDED);
                assertEquals("The other side hung up.", atB.endReason(), what);
                await(what + ": a's call ended", () -> fromA.get().state() == CallState.ENDED);
                await(what + ": no call left", () -> a.phone.calls().isEmpty() && b.phone.calls().isEmpty());
            } finally {
                a.phone.removeListener(onConnect);
            }
        }
        assertTrue(a.phone.calls().isEmpty(), "calls left: " + a.phone.calls());
        assertEquals(List.of(), b.phone.calls());
    }

    /**
     * Through a proxy the 180 can arrive after the 200 (it forwards responses from several threads): the late
     * provisional must not keep the caller from hanging up the connected call with a BYE.
     */
    @Test
    void aRingingThatComesAfterTheAnswerDoesNotStopTheBye() throws Exception {
        // RFC 3261's 500 ms retransmission timer: sipp takes a retransmitted INVITE (which the tests' 100 ms timer
        // causes on a busy machine) for an unexpected message and gives up the scenario
        org.sohosip.client.core.internal.phone.Softphone phone = new org.sohosip.client.core.internal.phone.Softphone(
                PhoneFixture.service(org.sohosip.media.MediaSessions.class),
                new org.sohosip.client.core.internal.phone.EndpointAudio(
                        PhoneFixture.service(org.sohosip.media.AudioEndpoints.class)),
                new org.sohosip.client.core.internal.phone.PhoneSettings(false, false,
                        org.sohosip.sip.RegistrationOptions.defaults(), 0, Duration.ofMillis(500)));
        try {
            phone.start(new org.sohosip.client.core.internal.phone.SipAccount("carl", "Carl", "sohosip.local",
                    "127.0.0.1", 5060, List.of("udp"), "00000000000000000000000000000000", ""));
            await("the phone runs", () -> phone.localPort() > 0);
            lateRinging(phone);
        } finally {
            phone.close();
        }
    }

    private void lateRinging(org.sohosip.client.core.internal.phone.Softphone phone) throws Exception {
        for (int round = 0; round < 3; round++) {
            int port = Peer.freeUdpPort();
            try (Peer callee = Peer.sipp(dir, "late-ringing-" + round, Scenarios.answeredBeforeRinging(), port)) {
                Call call = phone.dial("sip:late@127.0.0.1:" + port);
                PhoneFixture.awaitState(call, CallState.ACTIVE);
                await("the late 180 arrived", () -> {
                    try {
                        return callee.messages().contains("SIP/2.0 180") || !callee.alive();
                    } catch (java.io.IOException e) {
                        return false;
                    }
                });
                assertTrue(callee.alive(), "sipp gave up:\n" + callee.output() + callee.messages());
                Thread.sleep(200); // let the caller take in the late 180 before hanging up
                call.hangUp();
                assertEquals(0, callee.waitFor(Duration.ofSeconds(15)),
                        "round " + round + ": the callee must get the BYE:\n" + callee.messages());
                await("the call ended", () -> call.state() == CallState.ENDED);
            }
        }
    }

    /**
     * baresip answers at once (auto answer): the caller hangs up the moment its softphone says the call connected,
     * or as soon as it rings, round after round; baresip must see each call end (by the BYE, or by the CANCEL when it
     * came first) long before its own timeout for a missing ACK. baresip says "session closed" for every call that
     * ends; its "Call with ... terminated (duration ...)" line is left out for calls shorter than a second, so it
     * cannot tell a hang-up at the answer.
     */
    @Test
    void baresipThatAnswersAtOnceSeesEveryEarlyHangUp() throws Exception {
        java.nio.file.Path wav = Peer.wav(dir, "auto", 1000, 90);
        int port = Peer.freeUdpPort();
        try (Peer callee = Peer.baresip(dir, "auto", port, wav, 80)) {
            await("baresip ready", () -> output(callee).contains("ready") || !callee.alive());
            org.junit.jupiter.api.Assumptions.assumeTrue(callee.alive(), "baresip could not start:\n" + output(callee));
            for (int round = 0; round < 8; round++) {
                int ended = count(output(callee), SESSION_CLOSED);
                Call call = a.phone.dial("sip:auto@127.0.0.1:" + port);
                CallState at = round % 2 == 0 ? CallState.ACTIVE : CallState.RINGING;
                await("round " + round + ": " + at, () -> call.state() == at || call.state() == CallState.ACTIVE);
                call.hangUp();
                String what = "round " + round + " (hung up when " + at + ")";
                try {
                    await(what + ": baresip saw the call end", Duration.ofSeconds(10),
                            () -> count(output(callee), SESSION_CLOSED) > ended);
                } catch (AssertionError e) {
                    String out = output(callee);
                    throw new AssertionError(e.getMessage() + "; a's call " + call.state() + " (" + call.endReason()
                            + "); baresip:\n" + out.substring(Math.max(0, out.length() - 4000)), e);
                }
                await(what + ": the call ended here", () -> call.state() == CallState.ENDED);
                await(what + ": no call left", () -> a.phone.calls().isEmpty());
            }
        }
    }

    private static String output(Peer p) {
        try {
            return p.output();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
