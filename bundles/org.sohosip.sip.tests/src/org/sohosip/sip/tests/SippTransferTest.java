// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohosip.sip.DigestCredentials;
import org.sohosip.sip.LocalMedia;
import org.sohosip.sip.SipCall;
import org.sohosip.sip.SipCallState;
import org.sohosip.sip.SipIdentity;
import org.sohosip.sip.SipUserAgent;
import org.sohosip.sip.SipUserAgents;
import org.sohosip.sip.TransferRequest;
import org.sohosip.sip.UserAgentConfig;

/**
 * Being transferred by a sipp peer (REFER, RFC 3515): the user agent follows with a new call to the Refer-To target
 * (a second sipp), reports its progress in NOTIFYs and hangs up the transferred call; REFERs it cannot follow are
 * refused with a reason. The sipp scenarios check every message they receive.
 */
class SippTransferTest {

    private static final LocalMedia RTP = new LocalMedia("127.0.0.1", 43100);

    private SipUserAgent ua;
    private Recorder events;
    private final Events<TransferRequest> transfers = new Events<>();
    private Sipp transferor;
    private Sipp target;

    @BeforeEach
    void start() {
        ua = SipUserAgents.create(UserAgentConfig.of("127.0.0.1").withTimers(Duration.ofMillis(100),
                Duration.ofSeconds(20), Duration.ofSeconds(20)), new SipIdentity("sip:alice@sohosip.local", "Alice",
                        null, null));
        events = new Recorder(ua);
        // as a phone does: place the new call and hand it over
        ua.transfers().addTransferListener((call, request) -> {
            transfers.add(request);
            request.follow(ua.telephony().dial(request.target(), RTP));
        });
    }

    @AfterEach
    void stop() {
        ua.close();
        if (transferor != null) {
            transferor.close();
        }
        if (target != null) {
            target.close();
        }
    }

    @Test
    void referIsFollowedWithNotifiesAndTheTransferredCallEnds() throws Exception {
        target = Sipp.start("uas-ring-answer.xml", 0, null);
        transferor = Sipp.start("uas-refer.xml", 0, null, "target", Integer.toString(target.port));
        SipCall call = ua.telephony().dial("sip:bob@127.0.0.1:" + transferor.port, RTP);
        events.state(call, SipCallState.CONNECTED);

        TransferRequest request = transfers.await(r -> true, Recorder.WAIT, "the transfer request");
        assertEquals("sip:carol@127.0.0.1:" + target.port, request.target());
        assertEquals(Optional.of("sip:reception@127.0.0.1:" + transferor.port), request.referredBy());
        assertEquals(call, request.call());

        SipCall placed = ((Recorder.State) events.events.await(e -> e instanceof Recorder.State s && s.call() != call
                && s.state() == SipCallState.CONNECTED, Recorder.WAIT, "the new call connected")).call();
        assertEquals("carol", placed.remoteParty().user());
        events.state(call, SipCallState.ENDED);
        assertEquals("Transferred to sip:carol@127.0.0.1:" + target.port, call.endReason().orElseThrow()
                .reasonPhrase());
        assertFalse(call.endReason().orElseThrow().byRemote(), "this side sent the BYE");
        // 202, NOTIFYs 100 Trying and 180 Ringing, the BYE, the last NOTIFY with 200 OK: all checked by sipp
        transferor.assertSucceeded();

        placed.hangUp();
        events.state(placed, SipCallState.ENDED);
        target.assertSucceeded(); // the INVITE was for carol, and the new call ended with BYE
    }

    @Test
    void whenTheTransferorHangsUpFirstTheNotifiesStillFollow() throws Exception {
        target = Sipp.start("uas-ring-answer.xml", 0, null);
        transferor = Sipp.start("uas-refer-hangup.xml", 0, null, "target", Integer.toString(target.port));
        SipCall call = ua.telephony().dial("sip:bob@127.0.0.1:" + transferor.port, RTP);
        events.state(call, SipCallState.CONNECTED);
        events.state(call, SipCallState.ENDED);
        assertTrue(call.endReason().orElseThrow().byRemote(), "the transferor sent the BYE");
        SipCall placed = ((Recorder.State) events.events.await(e -> e instanceof Recorder.State s && s.call() != call
                && s.state() == SipCallState.CONNECTED, Recorder.WAIT, "the new call connected")).call();
        // NOTIFYs 180 Ringing and 200 OK after the BYE, in the dialog kept for them: checked by sipp
        transferor.assertSucceeded();
        placed.hangUp();
        target.assertSucceeded();
    }

    @Test
    void aChallengedNotifyIsSentAgainWithCredentialsAndABusyTargetIsReported() throws Exception {
        ua.close();
        ua = SipUserAgents.create(UserAgentConfig.of("127.0.0.1").withTimers(Duration.ofMillis(100),
                Duration.ofSeconds(20), Duration.ofSeconds(20)), new SipIdentity("sip:alice@sohosip.local", "Alice",
                        DigestCredentials.fromPassword("alice", "sohosip.local", "secret".toCharArray()), null));
        events = new Recorder(ua);
        ua.transfers().addTransferListener((call, request) -> request.follow(ua.telephony().dial(request.target(),
                RTP)));
        target = Sipp.start("uas-busy.xml", 0, null);
        transferor = Sipp.start("uas-refer-auth.xml", 0, null, "target", Integer.toString(target.port));
        SipCall call = ua.telephony().dial("sip:bob@127.0.0.1:" + transferor.port, RTP);
        events.state(call, SipCallState.CONNECTED);
        events.state(call, SipCallState.ENDED);
        // the NOTIFY answered the 407 with Event and body intact, the last one said 486, then came the BYE
        transferor.assertSucceeded();
        target.assertSucceeded();
        assertFalse(call.endReason().orElseThrow().byRemote());
    }

    @Test
    void attendedTransfersAndBadReferToAreRefused() throws Exception {
        transferor = Sipp.start("uas-refer-refused.xml", 0, null);
        SipCall call = ua.telephony().dial("sip:bob@127.0.0.1:" + transferor.port, RTP);
        events.state(call, SipCallState.CONNECTED);
        // 501 for Replaces, 400 for a tel: Refer-To and for none: checked by sipp, which then hangs up
        events.state(call, SipCallState.ENDED);
        transferor.assertSucceeded();
        assertTrue(call.endReason().orElseThrow().byRemote(), "the call stayed up until the peer hung up");
        assertFalse(transfers.happened(r -> true), "no transfer was handed to the listener");
    }

    @Test
    void referOutsideACallIsForbidden() throws Exception {
        transferor = Sipp.start("uac-refer-outside.xml", 0, "127.0.0.1:" + ua.localPort(), "service", "alice");
        transferor.assertSucceeded(); // it got 403
        assertTrue(ua.telephony().calls().isEmpty());
        assertFalse(transfers.happened(r -> true));
    }
}
