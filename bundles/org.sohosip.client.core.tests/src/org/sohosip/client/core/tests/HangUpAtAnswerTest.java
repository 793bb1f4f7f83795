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
        for (int round = 0; round < 3; round++) {
            int port = Peer.freeUdpPort();
            try (Peer callee = Peer.sipp(dir, "late-ringing-" + round, Scenarios.answeredBeforeRinging(), port)) {
                Call call = a.phone.dial("sip:late@127.0.0.1:" + port);
                PhoneFixture.awaitState(call, CallState.ACTIVE);
                await("the late 180 arrived", () -> {
                    try {
                        return callee.messages().contains("SIP/2.0 180");
                    } catch (java.io.IOException e) {
                        return false;
                    }
                });
                Thread.sleep(200); // let the caller take in the late 180 before hanging up
                call.hangUp();
                assertEquals(0, callee.waitFor(Duration.ofSeconds(15)),
                        "round " + round + ": the callee must get the BYE:\n" + callee.messages());
                await("the call ended", () -> call.state() == CallState.ENDED);
            }
        }
    }
}
