// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sohosip.media.DtmfEvent;
import org.sohosip.media.internal.DtmfReceiver;
import org.sohosip.media.internal.DtmfSender;

/**
 * RFC 4733 packets as the sender writes them (taking the place of audio packets) and as the receiver reads them,
 * without a network in between so that loss and retransmission can be arranged exactly.
 */
class DtmfEventsTest {

    private static final int PT = 101;
    private static final int SSRC = 0x0BADCAFE;
    private final DtmfSender sender = new DtmfSender();
    private final List<DtmfEvent> received = new ArrayList<>();
    private final DtmfReceiver receiver = new DtmfReceiver(received::add);
    private int seq = 65530; // wraps during the test
    private long ts = 4_000_000_000L;

    private byte[] nextAudioPacket() {
        byte[] p = new byte[12 + 160];
        p[0] = (byte) 0x80;
        p[1] = 0;
        p[2] = (byte) (seq >> 8);
        p[3] = (byte) seq;
        for (int i = 0; i < 4; i++) {
            p[4 + i] = (byte) (ts >> (24 - 8 * i));
            p[8 + i] = (byte) (SSRC >> (24 - 8 * i));
        }
        seq = (seq + 1) & 0xFFFF;
        ts = (ts + 160) & 0xFFFFFFFFL;
        return p;
    }

    /** Sends slots until the sender has nothing left; returns the event packets it produced. */
    private List<byte[]> drain() {
        List<byte[]> events = new ArrayList<>();
        for (int slot = 0; slot < 2000 && sender.busy(); slot++) {
            byte[] out = sender.rewrite(nextAudioPacket(), PT);
            if ((out[1] & 0x7F) == PT) {
                events.add(out);
            }
        }
        return events;
    }

    private static int duration(byte[] p) {
        return ((p[14] & 0xFF) << 8) | (p[15] & 0xFF);
    }

    private static boolean end(byte[] p) {
        return (p[13] & 0x80) != 0;
    }

    private void deliver(List<byte[]> packets, long nanos) {
        for (byte[] p : packets) {
            receiver.packet(p, 0, p.length, nanos);
        }
    }

    @Test
    void aDigitIsSentAsUpdatesThenThreeEndPackets() {
        sender.queue('7', 100);
        List<byte[]> packets = drain();
        assertEquals(5 + 2, packets.size(), "100 ms: updates at 20, 40, 60, 80 ms, the end at 100 ms three times");
        assertTrue((packets.get(0)[1] & 0x80) != 0, "the first packet has the marker bit");
        long eventTs = ((packets.get(0)[4] & 0xFFL) << 24) | ((packets.get(0)[5] & 0xFF) << 16)
                | ((packets.get(0)[6] & 0xFF) << 8) | (packets.get(0)[7] & 0xFF);
        for (int i = 0; i < packets.size(); i++) {
            byte[] p = packets.get(i);
            assertEquals(7, p[12], "event code");
            long pts = ((p[4] & 0xFFL) << 24) | ((p[5] & 0xFF) << 16) | ((p[6] & 0xFF) << 8) | (p[7] & 0xFF);
            assertEquals(eventTs, pts, "every packet carries the event's start timestamp");
            assertEquals(Math.min(800, 160 * (i + 1)), duration(p));
            assertEquals(i >= 4, end(p), "end bit on packet " + i);
            if (i > 0) {
                assertTrue((p[1] & 0x80) == 0, "no marker after the first");
            }
        }
    }

    @Test
    void eachDigitIsReceivedExactlyOnce() {
        for (char digit : "159#*D".toCharArray()) {
            sender.queue(digit, 80);
        }
        deliver(drain(), 0);
        assertEquals("159#*D", digits());
        assertEquals(80, received.get(0).duration().toMillis());
    }

    @Test
    void aLateRetransmittedEndPacketDoesNotRepeatTheDigit() {
        sender.queue('3', 60);
        List<byte[]> packets = drain();
        deliver(packets, 0);
        deliver(List.of(packets.get(packets.size() - 1)), 5_000_000); // a straggler of the end packet
        receiver.tick(3_000_000_000L);
        assertEquals("3", digits());
    }

    @Test
    void aDigitWhoseEndPacketsWereAllLostIsStillReceivedOnce() {
        sender.queue('8', 200);
        sender.queue('9', 60);
        List<byte[]> packets = drain();
        List<byte[]> withoutEnds = new ArrayList<>();
        for (byte[] p : packets) {
            if (!(p[12] == 8 && end(p))) {
                withoutEnds.add(p);
            }
        }
        deliver(withoutEnds, 0);
        assertEquals("89", digits(), "the next event closes the one whose end was lost");

        sender.queue('4', 60);
        List<byte[]> lonely = drain();
        deliver(lonely.subList(0, 2), 10_000_000_000L);
        receiver.tick(10_500_000_000L);
        assertEquals("89", digits(), "not yet: updates may still come");
        receiver.tick(11_100_000_000L);
        assertEquals("894", digits(), "after a second without updates the digit counts");
    }

    @Test
    void aLongPressIsOneDigitWithItsDuration() {
        sender.queue('0', 3000);
        List<byte[]> packets = drain();
        assertEquals(150 + 2, packets.size());
        deliver(packets, 0);
        assertEquals("0", digits());
        assertEquals(3000, received.get(0).duration().toMillis());
    }

    private String digits() {
        StringBuilder text = new StringBuilder();
        for (DtmfEvent event : received) {
            text.append(event.digit());
        }
        return text.toString();
    }
}
