// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

import java.nio.file.Path;

/**
 * The sentences people read when media cannot work (the softphone shows them as they are), in one place so
 * they read alike: what happened, and what to do.
 */
final class Messages {

    static final String NO_MICROPHONE = "No microphone was found on this computer. Calls still work, but the "
            + "other side hears silence: connect a microphone or headset and start the call again.";
    static final String NO_SPEAKER = "No speaker or headphones were found on this computer. Calls still work, "
            + "but you will not hear the other side: connect a headset or speakers and start the call again.";
    static final String MICROPHONE_BUSY = "The microphone is in use by another program. Close that program and "
            + "start the call again; until then the other side hears silence.";
    static final String SPEAKER_BUSY = "The speaker is in use by another program. Close that program and start "
            + "the call again; until then you will not hear the other side.";

    private Messages() {
    }

    static String audioDidNotStart(String reason) {
        return "The call's audio could not start (" + reason + "). Try the call again.";
    }

    static String networkRefused(String reason) {
        return "The call's audio could not use the network (" + reason + ").";
    }

    static String noFreePort(int min, int max, String address) {
        return "No free port for call audio is left between " + min + " and " + max + " on " + address
                + ". End a call, or widen rtp.port.min and rtp.port.max.";
    }

    static String notPlayableWav(Path file) {
        return "The sound file " + file.getFileName() + " is not a WAV file SOHOSIP can play. "
                + "Use a WAV file with PCM, µ-law or A-law audio.";
    }

    static String unreadable(Path file, String reason) {
        return "The sound file " + file + " could not be read (" + reason + ").";
    }

    static String tooLong(Path file) {
        return "The sound file " + file.getFileName() + " is longer than 10 minutes. Use a shorter file.";
    }

    static String recordingNotCreated(Path file, String reason) {
        return "The recording " + file + " could not be created (" + reason + ").";
    }

    static String dtmfNotStarted() {
        return "DTMF needs a started media session";
    }

    static String noTelephoneEvent() {
        return "The other side did not offer telephone-event: send DTMF as SIP INFO";
    }
}
