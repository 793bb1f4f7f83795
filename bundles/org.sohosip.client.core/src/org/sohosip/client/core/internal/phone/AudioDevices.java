// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal.phone;

import java.util.Optional;

import org.sohosip.media.AudioSink;
import org.sohosip.media.AudioSource;
import org.sohosip.media.Tone;

/**
 * Where the softphone's sound comes from and goes to. Opening never fails: without a device the microphone is
 * silence and the speaker discards, and {@link #problem()} says so.
 */
public interface AudioDevices {

    /** @return a new microphone source for a call (silence when there is none); closed by the caller */
    AudioSource microphone();

    /** @return a new speaker sink for a call or an alert (discarding when there is none); closed by the caller */
    AudioSink speaker();

    /**
     * @param tone a tone pattern
     * @return an endless source playing it
     */
    AudioSource tone(Tone tone);

    /** @return an endless source of silence (a held or muted call sends nothing of the microphone) */
    AudioSource silence();

    /** @return a sink that drops everything (a held call plays nothing) */
    AudioSink discard();

    /** @return a sentence for people when the microphone or speaker cannot be used, else empty */
    Optional<String> problem();
}
