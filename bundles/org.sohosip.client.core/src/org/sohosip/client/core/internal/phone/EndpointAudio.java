// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal.phone;

import java.util.Optional;

import org.sohosip.media.AudioEndpoints;
import org.sohosip.media.AudioSink;
import org.sohosip.media.AudioSource;
import org.sohosip.media.MediaException;
import org.sohosip.media.Tone;

/** The computer's own microphone and speaker, through the media bundle's endpoints. */
public final class EndpointAudio implements AudioDevices {

    private final AudioEndpoints endpoints;

    /** @param endpoints the media bundle's audio endpoints */
    public EndpointAudio(AudioEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public AudioSource microphone() {
        try {
            return endpoints.openMicrophone();
        } catch (MediaException e) {
            // the other side hears silence; problem() tells the user why
            return endpoints.silence();
        }
    }

    @Override
    public AudioSink speaker() {
        try {
            return endpoints.openSpeaker();
        } catch (MediaException e) {
            return endpoints.discard();
        }
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
        Optional<String> mic = endpoints.microphoneProblem();
        Optional<String> speaker = endpoints.speakerProblem();
        if (mic.isEmpty() && speaker.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        mic.ifPresent(m -> b.append(m).append(' '));
        speaker.filter(s -> !s.equals(mic.orElse(""))).ifPresent(s -> b.append(s).append(' '));
        if (mic.isPresent() && speaker.isPresent()) {
            b.append("Calls still connect, but the other side hears silence and you hear nothing. ");
        } else if (mic.isPresent()) {
            b.append("Calls still connect, but the other side hears silence. ");
        } else {
            b.append("Calls still connect, but you will not hear the other side. ");
        }
        b.append("Connect a headset or enable a sound device, then start the call again.");
        return Optional.of(b.toString());
    }
}
