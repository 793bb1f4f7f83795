// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal.phone;

import java.util.Collection;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.client.core.CallState;
import org.sohosip.media.Tone;

/**
 * Chooses and plays the one alert the calls need: the ringtone for an incoming call, a short beep mixed into the
 * active call for a second incoming call (call waiting), ringback while an outgoing call rings.
 */
final class Alerts implements AutoCloseable {

    /** The alert being played. */
    enum Alert {
        /** Silence. */
        NONE,
        /** The ringtone on the speaker: a call comes in and none is active. */
        RINGTONE,
        /** A beep over the active call: another call comes in. */
        CALL_WAITING,
        /** Ringback on the speaker: the called side rings. */
        RINGBACK
    }

    private final AudioDevices audio;
    private final TonePlayer player = new TonePlayer();
    private volatile Alert current = Alert.NONE;
    private @Nullable PhoneCall beepingOn;

    Alerts(AudioDevices audio) {
        this.audio = audio;
    }

    Alert current() {
        return current;
    }

    /** Called under the softphone's lock after every change of the calls. */
    void update(Collection<PhoneCall> calls) {
        boolean incoming = false;
        boolean ringing = false;
        PhoneCall active = null;
        for (PhoneCall c : calls) {
            incoming |= c.state() == CallState.INCOMING;
            ringing |= c.state() == CallState.RINGING;
            if (c.state() == CallState.ACTIVE || c.state() == CallState.REMOTE_HOLD) {
                active = c;
            }
        }
        CallAudio activeAudio = active == null ? null : active.audio();
        Alert wanted;
        if (incoming && activeAudio != null && activeAudio.started()) {
            wanted = Alert.CALL_WAITING;
        } else if (incoming) {
            wanted = Alert.RINGTONE;
        } else if (ringing && active == null) {
            wanted = Alert.RINGBACK;
        } else {
            wanted = Alert.NONE;
        }
        if (wanted == current && (wanted != Alert.CALL_WAITING || beepingOn == active)) {
            return;
        }
        stopBeep();
        player.stop();
        switch (wanted) {
            case RINGTONE -> player.play(audio.tone(Tone.ringtone()), audio.speaker());
            case RINGBACK -> player.play(audio.tone(Tone.ringbackNorthAmerica()), audio.speaker());
            case CALL_WAITING -> {
                activeAudio.beep(audio.tone(Tone.callWaiting()));
                beepingOn = active;
            }
            case NONE -> {
                // nothing to play
            }
        }
        current = wanted;
    }

    private void stopBeep() {
        PhoneCall b = beepingOn;
        if (b != null) {
            CallAudio a = b.audio();
            if (a != null) {
                a.beep(null);
            }
            beepingOn = null;
        }
    }

    @Override
    public void close() {
        stopBeep();
        player.close();
        current = Alert.NONE;
    }
}
