// SPDX-License-Identifier: EPL-2.0
package org.sohosip.product.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Key presses as SIPp plays them into a call: RFC 4733 telephone-events in a pcap file ({@code play_pcap_audio})
 * and DTMF tone pairs in a WAV file ({@code rtp_stream}). Each press lasts {@link #PRESS_MILLIS}.
 */
final class DtmfFiles {

    /** A key pressed {@code atMillis} after the file starts. */
    record Press(char key, long atMillis) {
    }

    static final int PRESS_MILLIS = 120;
    private static final String KEYS = "123A456B789C*0#D";
    private static final double[] LOW = { 697, 770, 852, 941 };
    private static final double[] HIGH = { 1209, 1336, 1477, 1633 };
    private static final int RATE = 8000;

    private DtmfFiles() {
    }

    /** @return the keys of {@code keys} one every {@code gapMillis}, the first at {@code startMillis} */
    static List<Press> typed(String keys, long startMillis, long gapMillis) {
        return java.util.stream.IntStream.range(0, keys.length())
                .mapToObj(i -> new Press(keys.charAt(i), startMillis + i * gapMillis)).toList();
    }

    /**
     * Writes the presses as RFC 4733 packets (RFC 4733 section 2.5: one packet every 20 ms with the duration so
     * far, the first with the marker bit, then the end packet three times) in a pcap file of Ethernet, IPv4 and UDP
     * frames from 127.0.0.1 to 127.0.0.1; SIPp sends each UDP payload from its media port to the answerer's.
     *
     * @param payloadType the telephone-event payload type the scenario's SDP offers
     */
    static Path pcap(Path file, int payloadType, List<Press> presses) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(64 * 1024 + presses.size() * 12 * 100).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        int seq = 1000;
        for (Press p : presses) {
            int event = eventCode(p.key());
            long timestamp = p.atMillis() * RATE / 1000;
            int packets = PRESS_MILLIS / 20;
            for (int i = 0; i < packets + 3; i++) {
                boolean end = i >= packets - 1;
                int duration = Math.min(i + 1, packets) * 160;
                ByteBuffer rtp = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
                rtp.put((byte) 0x80).put((byte) ((i == 0 ? 0x80 : 0) | payloadType)).putShort((short) seq++)
                        .putInt((int) timestamp).putInt(0x5150_4d30);
                rtp.put((byte) event).put((byte) ((end ? 0x80 : 0) | 10)).putShort((short) duration);
                long at = p.atMillis() * 1000 + Math.min(i, packets - 1) * 20_000L + Math.max(0, i - packets + 1)
                        * 5_000L;
                frame(out, at, rtp.array());
            }
        }
        Files.write(file, java.util.Arrays.copyOf(out.array(), out.position()));
        return file;
    }

    private static void frame(ByteBuffer out, long atMicros, byte[] payload) {
        int udpLength = 8 + payload.length;
        int ipLength = 20 + udpLength;
        ByteBuffer f = ByteBuffer.allocate(14 + ipLength).order(ByteOrder.BIG_ENDIAN);
        f.put(new byte[] { 2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1 }).putShort((short) 0x0800);
        int ipStart = f.position();
        f.put((byte) 0x45).put((byte) 0).putShort((short) ipLength).putShort((short) 0).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 17).putShort((short) 0).put(new byte[] { 127, 0, 0, 1 })
                .put(new byte[] { 127, 0, 0, 1 });
        f.putShort(ipStart + 10, (short) checksum(f.array(), ipStart, 20));
        f.putShort((short) 40000).putShort((short) 40002).putShort((short) udpLength).putShort((short) 0);
        f.put(payload);
        out.putInt((int) (atMicros / 1_000_000)).putInt((int) (atMicros % 1_000_000)).putInt(f.capacity())
                .putInt(f.capacity()).put(f.array());
    }

    private static int checksum(byte[] b, int from, int length) {
        int sum = 0;
        for (int i = from; i < from + length; i += 2) {
            sum += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return ~sum & 0xffff;
    }

    private static int eventCode(char key) {
        return switch (key) {
            case '*' -> 10;
            case '#' -> 11;
            case 'A', 'B', 'C', 'D' -> 12 + key - 'A';
            default -> key - '0';
        };
    }

    /**
     * Writes the presses as tone pairs (each tone at about a third of full scale) with silence between, lasting until
     * {@code totalMillis}: 8 kHz 16-bit mono PCM, for sox to turn into the G.711 file {@code rtp_stream} plays.
     */
    static Path tones(Path wav, List<Press> presses, long totalMillis) throws IOException {
        int n = (int) (totalMillis * RATE / 1000);
        short[] samples = new short[n];
        for (Press p : presses) {
            int k = KEYS.indexOf(p.key());
            int start = (int) (p.atMillis() * RATE / 1000);
            for (int i = 0; i < PRESS_MILLIS * RATE / 1000 && start + i < n; i++) {
                double t = (double) i / RATE;
                samples[start + i] = (short) (12000 * (Math.sin(2 * Math.PI * LOW[k / 4] * t)
                        + Math.sin(2 * Math.PI * HIGH[k % 4] * t)));
            }
        }
        ByteBuffer pcm = ByteBuffer.allocate(n * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            pcm.putShort(s);
        }
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, n)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav.toFile());
        }
        return wav;
    }
}
