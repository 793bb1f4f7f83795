// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.sohosip.media.AudioEndpoints;
import org.sohosip.media.Codec;
import org.sohosip.media.DtmfEvent;
import org.sohosip.media.MediaParameters;
import org.sohosip.media.MediaSession;
import org.sohosip.media.MediaSessions;
import org.sohosip.media.internal.DtmfReceiver;

/**
 * RFC 4733 streams written by {@link Rfc4733Stream} (not by our own sender), spoilt as a network may spoil them,
 * read by the receiver: every key press is one digit, never two, never none.
 */
class DtmfStreamTest {

    private static final String KEYS = "0123456789*#ABCD";
    private static final long FRAME_NANOS = 20_000_000L;
    private final List<DtmfEvent> received = new ArrayList<>();
    private final DtmfReceiver receiver = new DtmfReceiver(received::add);

    /** Presses of 80 to 240 ms with pauses of 2 to 5 frames, random keys, timestamps crossing the 32-bit wrap. */
    private static Rfc4733Stream presses(int payloadType, int count, Random random) {
        Rfc4733Stream stream = new Rfc4733Stream(payloadType, random.nextInt(), 0xFFFF_0000L);
        for (int i = 0; i < count; i++) {
            stream.press(KEYS.charAt(random.nextInt(KEYS.length())), 20 * (4 + random.nextInt(9)),
                    2 + random.nextInt(4));
        }
        return stream;
    }

    /** Feeds the telephone-event packets at 20 ms intervals, with the clock ticking, then lets time run out. */
    private String receive(List<byte[]> packets, int payloadType) {
        long now = 0;
        for (byte[] p : packets) {
            now += FRAME_NANOS;
            if ((p[1] & 0x7F) == payloadType) {
                receiver.packet(p, 0, p.length, now);
            }
            receiver.tick(now);
        }
        receiver.tick(now + 2_000_000_000L);
        StringBuilder digits = new StringBuilder();
        received.forEach(e -> digits.append(e.digit()));
        return digits.toString();
    }

    @Test
    void everyPressIsOneDigitDespiteLossAndReordering() {
        Random random = new Random(4733);
        Rfc4733Stream stream = presses(101, 2000, random);
        List<byte[]> arrived = Rfc4733Stream.spoil(stream.packets(), random, 0.10, 0.05);
        assertEquals(stream.digits(), receive(arrived, 101));
    }

    @Test
    void heavyReorderingOfWholeEventsStillGivesEachDigitOnce() {
        Random random = new Random(17);
        Rfc4733Stream stream = presses(101, 500, random);
        List<byte[]> arrived = Rfc4733Stream.spoil(stream.packets(), random, 0.0, 0.30);
        String heard = receive(arrived, 101);
        assertEquals(stream.digits().length(), heard.length(), "one digit per press: " + heard);
        char[] sent = stream.digits().toCharArray();
        char[] got = heard.toCharArray();
        java.util.Arrays.sort(sent);
        java.util.Arrays.sort(got);
        assertEquals(new String(sent), new String(got), "the same keys, at worst a neighbour swapped");
    }

    @Test
    void endPacketsRepeatedLongAfterwardsNeverRepeatADigit() {
        Rfc4733Stream stream = presses(101, 20, new Random(3));
        List<byte[]> packets = new ArrayList<>(stream.packets());
        List<byte[]> ends = new ArrayList<>();
        for (byte[] p : packets) {
            if ((p[1] & 0x7F) == 101 && (p[13] & 0x80) != 0) {
                ends.add(p);
            }
        }
        Collections.shuffle(ends, new Random(5));
        packets.addAll(ends); // every end packet once more, a second or more after its event
        packets.addAll(ends.subList(0, 10));
        assertEquals(stream.digits(), receive(packets, 101));
    }

    @Test
    void aPressLongerThanTheDurationFieldIsOneDigit() {
        Rfc4733Stream stream = new Rfc4733Stream(101, 99, 0).press('5', 20_000, 3).press('5', 100, 3)
                .press('#', 9_000, 2);
        assertEquals("55#", receive(stream.packets(), 101));
        assertEquals(20_000, received.get(0).duration().toMillis(), "three segments add up");
        assertEquals(9_000, received.get(2).duration().toMillis());
    }

    @Test
    void aPressWithEveryEndPacketLostEndsWithTheNextPressOrAfterASecond() {
        Rfc4733Stream stream = new Rfc4733Stream(101, 1, 1000).press('7', 200, 2).press('8', 100, 0);
        List<byte[]> packets = new ArrayList<>();
        for (byte[] p : stream.packets()) {
            if (!((p[1] & 0x7F) == 101 && (p[13] & 0x80) != 0)) {
                packets.add(p); // no end packet at all, for either press
            }
        }
        assertEquals("78", receive(packets, 101));
    }

    /** Through a real session: the payload type is the one negotiated (here 98), and 101 means nothing. */
    @Test
    void aSessionDecodesTheNegotiatedPayloadTypeOnly() throws Exception {
        MediaSessions sessions = Services.get(MediaSessions.class);
        AudioEndpoints endpoints = Services.get(AudioEndpoints.class);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        Random random = new Random(98);
        Rfc4733Stream on98 = presses(98, 40, random);
        Rfc4733Stream on101 = presses(101, 10, random);
        List<byte[]> arrived = Rfc4733Stream.spoil(on98.packets(), random, 0.10, 0.05);
        List<DtmfEvent> heard = new CopyOnWriteArrayList<>();
        try (MediaSession session = sessions.open(loopback); DatagramSocket peer = new DatagramSocket(0, loopback)) {
            session.addDtmfListener(heard::add);
            session.start(new MediaParameters(Codec.PCMU,
                    new java.net.InetSocketAddress(loopback, peer.getLocalPort() & ~1), 98, 98), endpoints.silence(),
                    endpoints.discard());
            List<byte[]> all = new ArrayList<>(on101.packets());
            all.addAll(arrived);
            long sent = 0;
            for (byte[] p : all) {
                peer.send(new DatagramPacket(p, p.length, session.localAddress()));
                sent++;
                long ahead = sent;
                // never further ahead of the receiving thread than the socket buffer holds (a loaded machine)
                Await.until(Duration.ofSeconds(5), () -> ahead - session.statistics().packetsReceived() <= 32,
                        () -> "the session stopped receiving");
            }
            Await.until(Duration.ofSeconds(10), () -> heard.size() >= on98.digits().length(),
                    () -> "heard only " + heard.size() + " of " + on98.digits().length());
            Thread.sleep(1500); // a digit too many would come by now (the one-second timeout included)
        }
        StringBuilder digits = new StringBuilder();
        heard.forEach(e -> digits.append(e.digit()));
        assertEquals(on98.digits(), digits.toString());
    }
}
