// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sohosip.sip.AudioCodec;
import org.sohosip.sip.LocalMedia;
import org.sohosip.sip.MediaDirection;
import org.sohosip.sip.NegotiatedMedia;

/** SDP offer/answer (RFC 3264) for the audio stream. */
class OfferAnswerTest {

    private static final LocalMedia LOCAL = new LocalMedia("127.0.0.1", 40000);

    private static String offerOf(String formats, String extra) {
        return "v=0\r\no=peer 1 1 IN IP4 10.0.0.9\r\ns=-\r\nc=IN IP4 10.0.0.9\r\nt=0 0\r\nm=audio 5004 RTP/AVP "
                + formats + "\r\n" + extra;
    }

    @Test
    void offerListsPcmuPcmaAndTelephoneEventWithPtime() {
        String sdp = new OfferAnswer("alice", 7).offer(LOCAL, MediaDirection.SENDRECV);
        assertTrue(sdp.contains("c=IN IP4 127.0.0.1\r\n"), sdp);
        assertTrue(sdp.contains("m=audio 40000 RTP/AVP 0 8 101\r\n"), sdp);
        assertTrue(sdp.contains("a=rtpmap:101 telephone-event/8000\r\n"), sdp);
        assertTrue(sdp.contains("a=ptime:20\r\n") && sdp.contains("a=sendrecv\r\n"), sdp);
        SessionDescription parsed = SessionDescription.parse(sdp);
        assertEquals(101, parsed.media().get(0).telephoneEvent());
    }

    @Test
    void answerTakesTheOfferersFirstCommonCodecAndItsEventPayloadType() {
        SessionDescription offer = SessionDescription
                .parse(offerOf("18 8 0 96", "a=rtpmap:18 G729/8000\r\na=rtpmap:96 telephone-event/8000\r\n"));
        OfferAnswer.Answer a = new OfferAnswer("bob", 1).answer(offer, LOCAL, MediaDirection.SENDRECV).orElseThrow();
        assertEquals(new NegotiatedMedia("10.0.0.9", 5004, AudioCodec.PCMA, 96, MediaDirection.SENDRECV, 20),
                a.media());
        assertTrue(a.sdp().contains("m=audio 40000 RTP/AVP 8 96\r\n"), a.sdp());
        assertTrue(a.sdp().contains("a=rtpmap:96 telephone-event/8000"), a.sdp());
    }

    @Test
    void holdOffersAreAnsweredRecvonlyAndReportedAsRemoteHold() {
        SessionDescription sendonly = SessionDescription.parse(offerOf("0", "a=sendonly\r\n"));
        OfferAnswer.Answer a = new OfferAnswer("bob", 1).answer(sendonly, LOCAL, MediaDirection.SENDRECV)
                .orElseThrow();
        assertEquals(MediaDirection.RECVONLY, a.media().direction());
        assertTrue(a.remoteHold());
        assertTrue(a.sdp().contains("a=recvonly\r\n"), a.sdp());

        SessionDescription inactive = SessionDescription.parse(offerOf("0", "a=inactive\r\n"));
        assertEquals(MediaDirection.INACTIVE, new OfferAnswer("bob", 1)
                .answer(inactive, LOCAL, MediaDirection.SENDRECV).orElseThrow().media().direction());

        // RFC 2543 hold: connection address 0.0.0.0
        SessionDescription old = SessionDescription.parse(offerOf("0", "").replace("10.0.0.9", "0.0.0.0"));
        assertTrue(new OfferAnswer("bob", 1).answer(old, LOCAL, MediaDirection.SENDRECV).orElseThrow().remoteHold());

        // we hold and they offer sendrecv: we answer sendonly
        SessionDescription normal = SessionDescription.parse(offerOf("0", ""));
        assertEquals(MediaDirection.SENDONLY, new OfferAnswer("bob", 1)
                .answer(normal, LOCAL, MediaDirection.SENDONLY).orElseThrow().media().direction());
    }

    @Test
    void noCommonCodecGivesNoAnswer() {
        SessionDescription offer = SessionDescription.parse(offerOf("18 9", ""));
        assertTrue(new OfferAnswer("bob", 1).answer(offer, LOCAL, MediaDirection.SENDRECV).isEmpty());
    }

    @Test
    void otherStreamsAreRefusedWithPortZeroInTheSameOrder() {
        String sdp = offerOf("0", "") + "m=video 5006 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n";
        String video1st = "v=0\r\no=- 1 1 IN IP4 10.0.0.9\r\ns=-\r\nc=IN IP4 10.0.0.9\r\nt=0 0\r\n"
                + "m=video 5006 RTP/AVP 96\r\nm=audio 5004 RTP/AVP 8\r\n";
        assertTrue(new OfferAnswer("b", 1).answer(SessionDescription.parse(sdp), LOCAL, MediaDirection.SENDRECV)
                .orElseThrow().sdp().endsWith("m=video 0 RTP/AVP 96\r\n"));
        String answer = new OfferAnswer("b", 1)
                .answer(SessionDescription.parse(video1st), LOCAL, MediaDirection.SENDRECV).orElseThrow().sdp();
        assertTrue(answer.indexOf("m=video 0") < answer.indexOf("m=audio 40000"), answer);
    }

    @Test
    void readingAnAnswerCombinesDirections() {
        SessionDescription answer = SessionDescription
                .parse(offerOf("0 101", "a=rtpmap:101 telephone-event/8000\r\na=recvonly\r\na=ptime:30\r\n"));
        NegotiatedMedia m = OfferAnswer.read(answer, MediaDirection.SENDONLY).orElseThrow();
        assertEquals(MediaDirection.SENDONLY, m.direction());
        assertEquals(AudioCodec.PCMU, m.codec());
        assertEquals(101, m.telephoneEventPayload());
        assertEquals(30, m.ptimeMillis());
        NegotiatedMedia noEvents = OfferAnswer.read(SessionDescription.parse(offerOf("8", "")),
                MediaDirection.SENDRECV).orElseThrow();
        assertEquals(-1, noEvents.telephoneEventPayload());
    }

    @Test
    void unusableSdpIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SessionDescription.parse("v=0\r\ns=-\r\n"));
        assertThrows(IllegalArgumentException.class,
                () -> SessionDescription.parse("v=0\r\nm=audio 5004 RTP/AVP 0\r\n"));
        assertThrows(IllegalArgumentException.class,
                () -> SessionDescription.parse("v=0\r\nc=IN IP4 1.2.3.4\r\nm=audio x RTP/AVP 0\r\n"));
    }

    @Test
    void originVersionGrowsWithEveryDescription() {
        OfferAnswer oa = new OfferAnswer("alice", 500);
        String first = oa.offer(LOCAL, MediaDirection.SENDRECV);
        String second = oa.offer(LOCAL, MediaDirection.SENDONLY);
        assertTrue(first.contains("o=alice 500 500 IN IP4"), first);
        assertTrue(second.contains("o=alice 500 501 IN IP4"), second);
    }
}
