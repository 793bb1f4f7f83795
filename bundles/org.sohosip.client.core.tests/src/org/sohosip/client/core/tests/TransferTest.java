// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sohosip.client.core.tests.PhoneFixture.await;
import static org.sohosip.client.core.tests.PhoneFixture.awaitState;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohosip.client.core.Call;
import org.sohosip.client.core.CallState;
import org.sohosip.core.CallDirection;
import org.sohosip.sip.LocalMedia;
import org.sohosip.sip.SipCall;
import org.sohosip.sip.SipCallState;
import org.sohosip.sip.SipIdentity;
import org.sohosip.sip.SipUserAgent;
import org.sohosip.sip.SipUserAgents;
import org.sohosip.sip.UserAgentConfig;

/**
 * The softphone follows a transfer: a reception desk (a SOHOSIP user agent) calls bert's softphone and transfers it
 * with REFER to carol's softphone. Bert's phone places the new call itself (it shows in its call list with carol as
 * the other side), and the transferred call ends saying where it went.
 */
class TransferTest {

    private PhoneFixture bert;
    private PhoneFixture carol;
    private SipUserAgent reception;
    private DatagramSocket receptionRtp;

    @BeforeEach
    void start() throws Exception {
        bert = new PhoneFixture(false);
        carol = new PhoneFixture(false);
        bert.start("bert", Peer.freeUdpPort(), "unused-here");
        carol.start("carol", Peer.freeUdpPort(), "unused-here");
        await("both phones run", () -> bert.phone.localPort() > 0 && carol.phone.localPort() > 0);
        reception = SipUserAgents.create(UserAgentConfig.of("127.0.0.1"),
                new SipIdentity("sip:reception@sohosip.local", "Reception", null, null));
        receptionRtp = new DatagramSocket(0, InetAddress.getLoopbackAddress()); // takes bert's audio
    }

    @AfterEach
    void stop() {
        reception.close();
        receptionRtp.close();
        bert.close();
        carol.close();
    }

    /** The reception desk calls bert and bert answers; returns the reception's side of the call. */
    private SipCall receptionCallsBert() throws Exception {
        SipCall call = reception.telephony().dial("sip:bert@127.0.0.1:" + bert.phone.localPort(),
                new LocalMedia("127.0.0.1", receptionRtp.getLocalPort()));
        await("the call rings at bert", () -> !bert.phone.calls().isEmpty());
        bert.phone.calls().get(0).answer();
        await("the reception's call connects", () -> call.state() == SipCallState.CONNECTED);
        return call;
    }

    private String carolUri() {
        return "sip:carol@127.0.0.1:" + carol.phone.localPort();
    }

    @Test
    void aTransferredCallIsFollowedByANewCallAndEnds() throws Exception {
        SipCall atReception = receptionCallsBert();
        Call old = bert.phone.calls().get(0);

        atReception.transfer(carolUri()).toCompletableFuture().get(10, TimeUnit.SECONDS);

        await("carol's phone rings", () -> !carol.phone.calls().isEmpty());
        Call atCarol = carol.phone.calls().get(0);
        assertEquals("bert", atCarol.remoteParty(), "the INVITE comes from bert, not from the reception");
        Call placed = bert.phone.calls().stream().filter(c -> !c.equals(old)).findFirst().orElseThrow();
        assertEquals(CallDirection.OUTGOING, placed.direction());
        assertEquals(carolUri(), placed.remoteParty(), "the call list shows the transfer target");

        await("the transferred call ends", () -> bert.latest.get(old.id()).state() == CallState.ENDED);
        assertEquals("Transferred to " + carolUri() + ".", bert.latest.get(old.id()).endReason());
        assertEquals(List.of(placed), bert.phone.calls(), "only the new call is left");

        atCarol.answer();
        awaitState(placed, CallState.ACTIVE);
        placed.hangUp();
        awaitState(atCarol, CallState.ENDED);
    }

    @Test
    void aCallOnHoldThatIsTransferredBehavesTheSame() throws Exception {
        SipCall atReception = receptionCallsBert();
        Call old = bert.phone.calls().get(0);
        bert.phone.hold(old);
        await("the hold reaches the reception", () -> reception.hold().isRemoteHold(atReception));

        atReception.transfer(carolUri()).toCompletableFuture().get(10, TimeUnit.SECONDS);

        await("carol's phone rings", () -> !carol.phone.calls().isEmpty());
        Call atCarol = carol.phone.calls().get(0);
        atCarol.decline();
        Call placed = bert.seen.stream().filter(c -> !c.equals(old)).findFirst().orElseThrow();
        await("the new call ends declined", () -> bert.latest.get(placed.id()).state() == CallState.ENDED);
        assertTrue(bert.latest.get(placed.id()).endReason().startsWith("Declined"),
                bert.latest.get(placed.id()).endReason());
        await("the transferred call ends", () -> bert.latest.get(old.id()).state() == CallState.ENDED);
        assertEquals("Transferred to " + carolUri() + ".", bert.latest.get(old.id()).endReason());
        await("no call is left", () -> bert.phone.calls().isEmpty());
    }
}
