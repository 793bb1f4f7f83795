// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sohosip.media.AudioEndpoints;
import org.sohosip.media.Codec;
import org.sohosip.media.DtmfEvent;
import org.sohosip.media.MediaParameters;
import org.sohosip.media.MediaSession;
import org.sohosip.media.MediaSessions;
import org.sohosip.media.MediaStatistics;
import org.sohosip.media.Tone;
import org.sohosip.media.ToneDetector;

/** Two real media sessions (the DS services, FMJ's RTP session, UDP on 127.0.0.1) talking to each other. */
class MediaSessionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final List<AutoCloseable> closing = new ArrayList<>();
    private MediaSessions sessions;
    private AudioEndpoints endpoints;
    private InetAddress loopback;

    @BeforeEach
    void services() throws Exception {
        sessions = Services.get(MediaSessions.class);
        endpoints = Services.get(AudioEndpoints.class);
        loopback = InetAddress.getByName("127.0.0.1");
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private MediaSession open() throws Exception {
        MediaSession session = sessions.open(loopback);
        closing.add(session);
        return session;
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void aToneSentByOneSideIsHeardAtTheOther(Codec codec) throws Exception {
        MediaSession a = open();
        MediaSession b = open();
        ToneDetector atA = endpoints.toneDetector(1000, 1400);
        ToneDetector atB = endpoints.toneDetector(1000, 1400);
        a.start(MediaParameters.of(codec, b.localAddress(), 101), endpoints.tone(Tone.continuous(1000, -10)), atA);
        b.start(MediaParameters.of(codec, a.localAddress(), 101), endpoints.silence(), atB);
        assertTrue(atB.awaitTone(1000, Duration.ofSeconds(1), WAIT), "B hears A's 1 kHz tone");
        assertEquals(0, atB.framesPresent(1400), "and no other frequency");
        assertEquals(0, atA.framesPresent(1000), "A hears B's silence, not its own tone");
        Await.until(WAIT, () -> atA.framesAnalysed() > 50, () -> "A plays out frames");
        MediaStatistics stats = b.statistics();
        assertTrue(stats.packetsReceived() >= 50, stats.toString());
        assertEquals(0, stats.packetsLost(), stats.toString());
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void packetsAreTwentyMillisecondsOfG711(Codec codec) throws Exception {
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            peer.setSoTimeout(5000);
            MediaSession a = open();
            a.start(MediaParameters.of(codec, (InetSocketAddress) peer.getLocalSocketAddress(), 101),
                    endpoints.tone(Tone.continuous(1000, -10)), endpoints.discard());
            byte[] buffer = new byte[2048];
            int lastSeq = -1;
            long lastTs = -1;
            int ssrc = 0;
            for (int i = 0; i < 20; i++) {
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                peer.receive(p);
                assertEquals(12 + 160, p.getLength(), "RTP header + 160 G.711 bytes");
                assertEquals(0x80, buffer[0] & 0xC0, "RTP version 2");
                assertEquals(codec.payloadType(), buffer[1] & 0x7F);
                int seq = ((buffer[2] & 0xFF) << 8) | (buffer[3] & 0xFF);
                long ts = ((buffer[4] & 0xFFL) << 24) | ((buffer[5] & 0xFF) << 16) | ((buffer[6] & 0xFF) << 8)
                        | (buffer[7] & 0xFF);
                int packetSsrc = ((buffer[8] & 0xFF) << 24) | ((buffer[9] & 0xFF) << 16) | ((buffer[10] & 0xFF) << 8)
                        | (buffer[11] & 0xFF);
                if (lastSeq >= 0) {
                    assertEquals((lastSeq + 1) & 0xFFFF, seq, "consecutive sequence numbers");
                    assertEquals((lastTs + 160) & 0xFFFFFFFFL, ts, "timestamps 160 apart");
                    assertEquals(ssrc, packetSsrc, "one SSRC");
                }
                lastSeq = seq;
                lastTs = ts;
                ssrc = packetSsrc;
            }
        }
    }

    @Test
    void aReInviteMovesTheStreamAndChangesTheCodec() throws Exception {
        try (DatagramSocket first = new DatagramSocket(new InetSocketAddress(loopback, 0));
                DatagramSocket second = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            first.setSoTimeout(5000);
            second.setSoTimeout(5000);
            MediaSession a = open();
            a.start(MediaParameters.of(Codec.PCMU, (InetSocketAddress) first.getLocalSocketAddress(), 101),
                    endpoints.tone(Tone.continuous(1000, -10)), endpoints.discard());
            byte[] buffer = new byte[2048];
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            first.receive(p);
            assertEquals(Codec.PCMU.payloadType(), buffer[1] & 0x7F);
            int ssrc = java.nio.ByteBuffer.wrap(buffer, 8, 4).getInt();

            a.update(MediaParameters.of(Codec.PCMA, (InetSocketAddress) second.getLocalSocketAddress(), 101));
            assertEquals(Codec.PCMA, a.parameters().codec());
            for (int i = 0; i < 5; i++) { // the packet being sent at the switch may still be PCMU
                p.setLength(buffer.length);
                second.receive(p);
            }
            assertEquals(Codec.PCMA.payloadType(), buffer[1] & 0x7F, "the new codec");
            assertEquals(ssrc, java.nio.ByteBuffer.wrap(buffer, 8, 4).getInt(), "the same RTP stream");
        }
    }

    @Test
    void holdStopsThePacketsAndResumeBringsThemBack() throws Exception {
        MediaSession a = open();
        MediaSession b = open();
        ToneDetector atB = endpoints.toneDetector(1000);
        a.start(MediaParameters.of(Codec.PCMU, b.localAddress(), 101), endpoints.tone(Tone.continuous(1000, -10)),
                endpoints.discard());
        b.start(MediaParameters.of(Codec.PCMU, a.localAddress(), 101), endpoints.silence(), atB);
        Await.until(WAIT, () -> b.statistics().packetsReceived() > 10, () -> "packets flow");

        a.setSendingPaused(true);
        assertTrue(a.isSendingPaused());
        long sentAtHold = a.statistics().packetsSent();
        // Whatever was in flight arrives within a moment; then nothing more may come for a whole second.
        Await.until(WAIT, () -> b.statistics().packetsReceived() == a.statistics().packetsSent(),
                () -> "in-flight packets arrive");
        long receivedOnHold = b.statistics().packetsReceived();
        assertTrue(a.statistics().packetsSent() - sentAtHold <= 1, "at most the packet being sent");
        long until = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < until) {
            assertEquals(receivedOnHold, b.statistics().packetsReceived(), "no RTP while on hold");
            Thread.sleep(50);
        }
        Await.until(WAIT, () -> !atB.isPresent(1000), () -> "the tone stops at B");

        a.setSendingPaused(false);
        Await.until(WAIT, () -> b.statistics().packetsReceived() > receivedOnHold + 10, () -> "packets flow again");
        assertTrue(atB.awaitTone(1000, Duration.ofMillis(500), WAIT), "and the tone is heard again");
        assertEquals(0, b.statistics().packetsLost(), "a pause in sending is not loss");
    }

    @Test
    void muteSendsSilenceButKeepsPacketsFlowing() throws Exception {
        MediaSession a = open();
        MediaSession b = open();
        ToneDetector atB = endpoints.toneDetector(1000);
        a.start(MediaParameters.of(Codec.PCMA, b.localAddress(), 101), endpoints.tone(Tone.continuous(1000, -10)),
                endpoints.discard());
        b.start(MediaParameters.of(Codec.PCMA, a.localAddress(), 101), endpoints.silence(), atB);
        assertTrue(atB.awaitTone(1000, Duration.ofMillis(500), WAIT));
        a.setMuted(true);
        Await.until(WAIT, () -> !atB.isPresent(1000), () -> "the tone stops");
        long received = b.statistics().packetsReceived();
        Await.until(WAIT, () -> b.statistics().packetsReceived() > received + 25, () -> "packets still flow");
        assertFalse(atB.isPresent(1000));
    }

    @Test
    void dtmfDigitsArriveExactlyOnceEachIncludingALongPress() throws Exception {
        MediaSession a = open();
        MediaSession b = open();
        List<DtmfEvent> events = new CopyOnWriteArrayList<>();
        b.addDtmfListener(events::add);
        ToneDetector atB = endpoints.toneDetector(1000);
        a.start(MediaParameters.of(Codec.PCMU, b.localAddress(), 101), endpoints.tone(Tone.continuous(1000, -10)),
                endpoints.discard());
        b.start(MediaParameters.of(Codec.PCMU, a.localAddress(), 101), endpoints.silence(), atB);
        for (char digit : "123*#".toCharArray()) {
            a.sendDtmf(digit, Duration.ofMillis(100));
        }
        a.sendDtmf('5', Duration.ofSeconds(2));
        a.sendDtmf('0', Duration.ofMillis(100));
        Await.until(Duration.ofSeconds(15), () -> events.size() >= 7, () -> "7 digits, got " + events);
        // Give stragglers (retransmitted end packets) every chance to produce a duplicate.
        long until = System.nanoTime() + 500_000_000L;
        while (System.nanoTime() < until) {
            Thread.sleep(50);
        }
        StringBuilder digits = new StringBuilder();
        events.forEach(e -> digits.append(e.digit()));
        assertEquals("123*#50", digits.toString());
        DtmfEvent longPress = events.get(5);
        assertEquals(2000, longPress.duration().toMillis(), 20, "the long press lasts 2 s");
        assertEquals(100, events.get(0).duration().toMillis(), 20);
        assertEquals(7, b.statistics().dtmfEventsReceived());
        assertTrue(atB.awaitTone(1000, Duration.ofMillis(200), WAIT), "audio continues after the digits");
    }

    @Test
    void dtmfNeedsTelephoneEvent() throws Exception {
        MediaSession a = open();
        MediaSession b = open();
        a.start(MediaParameters.of(Codec.PCMU, b.localAddress(), MediaParameters.NO_TELEPHONE_EVENT),
                endpoints.silence(), endpoints.discard());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> a.sendDtmf('1', Duration.ofMillis(100)));
        assertTrue(e.getMessage().contains("SIP INFO"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.sendDtmf('x', Duration.ofMillis(100)));
    }

    @Test
    void rtcpReportsFlowBothWays() throws Exception {
        MediaSession a = open();
        MediaSession b = open();
        a.start(MediaParameters.of(Codec.PCMU, b.localAddress(), 101), endpoints.silence(), endpoints.discard());
        b.start(MediaParameters.of(Codec.PCMU, a.localAddress(), 101), endpoints.silence(), endpoints.discard());
        Await.until(Duration.ofSeconds(20),
                () -> a.statistics().rtcpReportsReceived() > 0 && b.statistics().rtcpReportsReceived() > 0,
                () -> "RTCP reports: A " + a.statistics() + ", B " + b.statistics());
        assertTrue(a.statistics().rtcpReportsSent() > 0);
    }

    @Test
    void sessionsUseEvenPortsAndCloseFreesBoth() throws Exception {
        MediaSession a = sessions.open(loopback);
        MediaSession b = open();
        int port = a.localAddress().getPort();
        assertEquals(0, port % 2, "RTP on an even port");
        assertNotEquals(port, b.localAddress().getPort());
        a.start(MediaParameters.of(Codec.PCMU, b.localAddress(), 101), endpoints.silence(), endpoints.discard());
        a.close();
        a.close(); // twice is harmless
        try (DatagramSocket rtp = new DatagramSocket(new InetSocketAddress(loopback, port));
                DatagramSocket rtcp = new DatagramSocket(new InetSocketAddress(loopback, port + 1))) {
            assertTrue(rtp.isBound() && rtcp.isBound(), "both ports are free again");
        }
        assertThrows(IllegalStateException.class, () -> a.start(MediaParameters.of(Codec.PCMU, b.localAddress(),
                101), endpoints.silence(), endpoints.discard()));
    }
}
