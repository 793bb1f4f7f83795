// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.sohosip.media.AudioEndpoints;
import org.sohosip.media.AudioFrame;
import org.sohosip.media.AudioSink;
import org.sohosip.media.AudioSource;
import org.sohosip.media.Codec;
import org.sohosip.media.MediaException;
import org.sohosip.media.MediaParameters;
import org.sohosip.media.MediaSession;
import org.sohosip.media.MediaSessions;

/**
 * The audio endpoints on a machine without a sound card (like the build machine): the microphone and speaker
 * say so in plain words, and a call still works with silence and a discarding sink.
 */
class AudioEndpointsTest {

    @Test
    void withoutASoundCardTheMicrophoneAndSpeakerSaySoPlainly() throws Exception {
        AudioEndpoints endpoints = Services.get(AudioEndpoints.class);
        assumeTrue(endpoints.microphoneProblem().isPresent(), "this machine has a microphone");
        String sentence = endpoints.microphoneProblem().get();
        assertTrue(sentence.startsWith("No microphone") && sentence.contains("Calls still work"), sentence);
        MediaException e = assertThrows(MediaException.class, endpoints::openMicrophone);
        assertEquals(sentence, e.getMessage());
        if (endpoints.speakerProblem().isPresent()) {
            MediaException s = assertThrows(MediaException.class, endpoints::openSpeaker);
            assertEquals(endpoints.speakerProblem().get(), s.getMessage());
            assertTrue(s.getMessage().contains("speaker"), s.getMessage());
        }
    }

    @Test
    void aCallWithASilentMicrophoneStillCarriesAudio() throws Exception {
        AudioEndpoints endpoints = Services.get(AudioEndpoints.class);
        MediaSessions sessions = Services.get(MediaSessions.class);
        AudioSource microphone;
        try {
            microphone = endpoints.openMicrophone();
        } catch (MediaException noMicrophone) {
            microphone = endpoints.silence(); // what the softphone does
        }
        short[] frame = AudioFrame.newFrame();
        frame[3] = 99;
        AudioSource silence = endpoints.silence();
        assertTrue(silence.read(frame));
        for (short s : frame) {
            assertEquals(0, s);
        }
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        long[] loudFrames = new long[1];
        long[] frames = new long[1];
        AudioSink counting = f -> {
            frames[0]++;
            for (short s : f) {
                if (Math.abs(s) > 8) {
                    loudFrames[0]++;
                    return;
                }
            }
        };
        try (MediaSession a = sessions.open(loopback); MediaSession b = sessions.open(loopback);
                AudioSource mic = microphone) {
            a.start(MediaParameters.of(Codec.PCMU, b.localAddress(), 101), mic, endpoints.discard());
            b.start(MediaParameters.of(Codec.PCMU, a.localAddress(), 101), endpoints.silence(), counting);
            Await.until(Duration.ofSeconds(10), () -> b.statistics().packetsReceived() >= 25,
                    () -> "silent packets arrive: " + b.statistics());
        }
        assertTrue(frames[0] > 0);
        assertFalse(endpoints.microphoneProblem().isPresent() && loudFrames[0] > 0, "silence is silent");
    }
}
