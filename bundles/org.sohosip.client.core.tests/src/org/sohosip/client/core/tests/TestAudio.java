// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.sohosip.client.core.internal.phone.AudioDevices;
import org.sohosip.media.AudioEndpoints;
import org.sohosip.media.AudioSink;
import org.sohosip.media.AudioSource;
import org.sohosip.media.Tone;
import org.sohosip.media.ToneDetector;

/**
 * Sound devices for tests on a machine without a sound card: every speaker is a tone detector listening for the
 * peers' test tone and the call-waiting beep, and the microphone plays a tone the peer could check.
 */
final class TestAudio implements AudioDevices {

    static final double PEER_TONE = 1000;
    static final double BEEP = 440;
    /** What every test microphone sends, so another test phone can tell it arrived. */
    static final double OWN_TONE = 600;

    final List<ToneDetector> speakers = new CopyOnWriteArrayList<>();
    private final AudioEndpoints endpoints;

    TestAudio(AudioEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public AudioSource microphone() {
        return endpoints.tone(Tone.continuous(OWN_TONE, -12));
    }

    @Override
    public AudioSink speaker() {
        ToneDetector d = endpoints.toneDetector(PEER_TONE, BEEP, OWN_TONE);
        speakers.add(d);
        return d;
    }

    @Override
    public AudioSource tone(Tone tone) {
        return endpoints.tone(tone);
    }

    @Override
    public AudioSource silence() {
        return endpoints.silence();
    }

    @Override
    public AudioSink discard() {
        return endpoints.discard();
    }

    @Override
    public Optional<String> problem() {
        return Optional.empty();
    }

    /** @return the speaker opened last */
    ToneDetector lastSpeaker() {
        return speakers.get(speakers.size() - 1);
    }
}
