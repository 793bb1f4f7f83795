// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

import java.nio.file.Path;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.sohosip.media.AudioEndpoints;
import org.sohosip.media.AudioSink;
import org.sohosip.media.AudioSource;
import org.sohosip.media.MediaException;
import org.sohosip.media.Tone;
import org.sohosip.media.DtmfListener;
import org.sohosip.media.ToneDetector;

/** The audio endpoints service. Devices are probed when asked, never at start-up. */
@Component(service = AudioEndpoints.class)
public final class AudioEndpointsComponent implements AudioEndpoints {

    @Override
    public Optional<String> microphoneProblem() {
        return JavaSound.microphoneProblem();
    }

    @Override
    public Optional<String> speakerProblem() {
        return JavaSound.speakerProblem();
    }

    @Override
    public AudioSource openMicrophone() throws MediaException {
        return Microphone.open();
    }

    @Override
    public AudioSink openSpeaker() throws MediaException {
        return Speaker.open();
    }

    @Override
    public AudioSource wavFile(Path file, boolean loop) throws MediaException {
        return WavSource.open(file, loop);
    }

    @Override
    public AudioSink wavRecorder(Path file) throws MediaException {
        return WavRecorder.create(file);
    }

    @Override
    public AudioSource tone(Tone tone) {
        return new ToneSource(tone);
    }

    @Override
    public AudioSource silence() {
        return new SilenceSource();
    }

    @Override
    public AudioSink discard() {
        return new DiscardSink();
    }

    @Override
    public ToneDetector toneDetector(double... frequencies) {
        return new GoertzelToneDetector(frequencies);
    }

    @Override
    public AudioSink dtmfDetector(DtmfListener listener) {
        java.util.Objects.requireNonNull(listener, "listener");
        return new DtmfToneReceiver(listener::dtmfReceived);
    }
}
