// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes the audio sources and sinks a call can use (a Declarative Services component). Every endpoint speaks
 * {@link AudioFrame}s; files and devices in other formats are converted.
 *
 * @since 0.1
 */
public interface AudioEndpoints {

    /**
     * @return a sentence for people when no microphone can be used (e.g. the machine has no sound card),
     *         otherwise empty. Calls still work: use {@link #silence()} instead.
     */
    Optional<String> microphoneProblem();

    /**
     * @return a sentence for people when no speaker can be used, otherwise empty. Calls still work: use
     *         {@link #discard()} instead.
     */
    Optional<String> speakerProblem();

    /**
     * Opens the default Java Sound capture device.
     *
     * @return the microphone; close it when the call ends
     * @throws MediaException with {@link #microphoneProblem()}'s sentence when there is none or it is busy
     */
    AudioSource openMicrophone() throws MediaException;

    /**
     * Opens the default Java Sound playback device.
     *
     * @return the speaker; close it when the call ends
     * @throws MediaException with {@link #speakerProblem()}'s sentence when there is none or it is busy
     */
    AudioSink openSpeaker() throws MediaException;

    /**
     * Reads a WAV file: 8- or 16-bit linear PCM, µ-law or A-law, any sample rate and channel count (mixed down to
     * mono and resampled to 8 kHz). The file is read whole when opened.
     *
     * @param file the file
     * @param loop {@code true} to start over at the end (hold music), {@code false} to end with the file
     * @return the source
     * @throws MediaException when the file cannot be read or its format is not supported
     */
    AudioSource wavFile(Path file, boolean loop) throws MediaException;

    /**
     * Records to a WAV file (16-bit PCM, 8 kHz, mono). The file is complete once the sink is closed; until then
     * it is written to a temporary file next to it, so a crash leaves no half-written recording under the name.
     *
     * @param file the file to create or replace
     * @return the recorder
     * @throws MediaException when the file cannot be created
     */
    AudioSink wavRecorder(Path file) throws MediaException;

    /**
     * @param tone the pattern
     * @return an endless source playing it
     */
    AudioSource tone(Tone tone);

    /** @return an endless source of silence */
    AudioSource silence();

    /** @return a sink that drops everything */
    AudioSink discard();

    /**
     * @param frequencies the frequencies to listen for, in Hz (below 4000)
     * @return a new detector
     */
    ToneDetector toneDetector(double... frequencies);

    /**
     * Hears DTMF digits sent as tones, within the receiver tolerances of ITU-T Q.24 (frequency deviation up to
     * ±1.5 % accepted and ±3.5 % rejected, tones of 40 ms and pauses of 40 ms always recognised, normal twist up to
     * 8 dB and reverse twist up to 4 dB, speech and single tones rejected). For audio that is not a call's received
     * audio (a call's is easier with {@link MediaSession#setInbandDtmf}).
     *
     * @param listener told of each key press once, when it ends, on the thread that writes the audio
     * @return a sink to write the audio into
     */
    AudioSink dtmfDetector(DtmfListener listener);
}
