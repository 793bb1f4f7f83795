// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.sohosip.media.AudioEndpoints;
import org.sohosip.media.AudioSink;
import org.sohosip.media.AudioSource;
import org.sohosip.media.Codec;
import org.sohosip.media.DtmfEvent;
import org.sohosip.media.MediaParameters;
import org.sohosip.media.MediaSession;
import org.sohosip.media.MediaSessions;

/** In-band DTMF: the ITU-T Q.24 accept/reject matrix, and digits sent as tones through a real call's audio. */
class InbandDtmfTest {

    @Test
    void theWholeQ24MatrixIsRight() {
        List<String> wrong = new ArrayList<>();
        List<Q24Cases.Case> cases = Q24Cases.all();
        for (Q24Cases.Case c : cases) {
            String heard = Q24Cases.detect(c.audio());
            if (!heard.equals(c.expected())) {
                wrong.add(c.name() + ": expected \"" + c.expected() + "\", heard \"" + heard + "\"");
            }
        }
        assertTrue(cases.size() > 200, "the matrix covers every key and every limit");
        assertEquals(List.of(), wrong);
    }

    @Test
    void theDetectorFromTheServiceReportsEachPressOnceWithItsDuration() throws Exception {
        AudioEndpoints endpoints = Services.get(AudioEndpoints.class);
        List<DtmfEvent> heard = new ArrayList<>();
        AudioSink sink = endpoints.dtmfDetector(heard::add);
        short[] audio = Q24Cases.concat(Q24Cases.key('1', 100), Q24Cases.silence(60), Q24Cases.key('#', 2000),
                Q24Cases.silence(100));
        for (int at = 0; at + 160 <= audio.length; at += 160) {
            sink.write(java.util.Arrays.copyOfRange(audio, at, at + 160));
        }
        assertEquals(2, heard.size(), heard.toString());
        assertEquals('1', heard.get(0).digit());
        assertEquals('#', heard.get(1).digit());
        long held = heard.get(1).duration().toMillis();
        assertTrue(held >= 1980 && held <= 2020, "held " + held + " ms");
        assertEquals(7, heard.get(0).volume(), "−7 dBm0 per tone");
    }

    /** Keys played as audio by one session, heard as digits by the other through G.711 and the jitter buffer. */
    @Test
    void aCallHearsKeysSentAsTonesWhenAsked() throws Exception {
        MediaSessions sessions = Services.get(MediaSessions.class);
        AudioEndpoints endpoints = Services.get(AudioEndpoints.class);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        short[] keys = Q24Cases.concat(Q24Cases.silence(200), Q24Cases.key('4', 80), Q24Cases.silence(80),
                Q24Cases.key('2', 80), Q24Cases.silence(80), Q24Cases.key('*', 120), Q24Cases.silence(200));
        AudioSource played = new AudioSource() {
            private int at;

            @Override
            public boolean read(short[] frame) {
                java.util.Arrays.fill(frame, (short) 0);
                if (at >= keys.length) {
                    return true;
                }
                System.arraycopy(keys, at, frame, 0, Math.min(frame.length, keys.length - at));
                at += frame.length;
                return true;
            }
        };
        List<DtmfEvent> heard = new CopyOnWriteArrayList<>();
        try (MediaSession a = sessions.open(loopback); MediaSession b = sessions.open(loopback)) {
            b.setInbandDtmf(true);
            b.addDtmfListener(heard::add);
            b.start(MediaParameters.of(Codec.PCMA, a.localAddress(), 101), endpoints.silence(), endpoints.discard());
            a.start(MediaParameters.of(Codec.PCMA, b.localAddress(), 101), played, endpoints.discard());
            Await.until(Duration.ofSeconds(10), () -> heard.size() >= 3, () -> "heard " + heard);
            Thread.sleep(300); // nothing more may come
        }
        StringBuilder digits = new StringBuilder();
        heard.forEach(e -> digits.append(e.digit()));
        assertEquals("42*", digits.toString());
    }
}
