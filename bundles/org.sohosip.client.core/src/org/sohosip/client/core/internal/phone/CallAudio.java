// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal.phone;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.media.AudioSink;
import org.sohosip.media.AudioSource;
import org.sohosip.media.Codec;
import org.sohosip.media.MediaException;
import org.sohosip.media.MediaParameters;
import org.sohosip.media.MediaSession;
import org.sohosip.sip.LocalMedia;
import org.sohosip.sip.NegotiatedMedia;

/**
 * The audio of one call: its RTP session, and the microphone and speaker while the call is the active one. A held
 * call gives both devices back, so only the active call holds them.
 */
final class CallAudio implements AutoCloseable {

    private final MediaSession session;
    private final AudioDevices devices;
    private @Nullable AudioSource microphone;
    private @Nullable AudioSink speaker;
    private @Nullable BeepingSink beeping;
    private boolean started;
    private boolean attached;

    CallAudio(MediaSession session, AudioDevices devices) {
        this.session = session;
        this.devices = devices;
    }

    LocalMedia local() {
        InetSocketAddress a = session.localAddress();
        return new LocalMedia(a.getAddress().getHostAddress(), a.getPort());
    }

    MediaSession session() {
        return session;
    }

    boolean started() {
        return started;
    }

    /** Starts the streams with the devices attached, or updates them after a new offer/answer. */
    synchronized void apply(NegotiatedMedia media, boolean attach) throws MediaException {
        MediaParameters p = parameters(media);
        if (p == null) {
            return;
        }
        if (!started) {
            AudioSource mic = attach ? devices.microphone() : devices.silence();
            AudioSink spk = attach ? devices.speaker() : devices.discard();
            microphone = mic;
            speaker = spk;
            attached = attach;
            session.start(p, mic, spk);
            started = true;
        } else {
            session.update(p);
        }
        session.setSendingPaused(!media.direction().sends() || !attached);
    }

    /** The call became the active one: microphone and speaker back on. */
    synchronized void attach(boolean sends) {
        if (!started || attached) {
            return;
        }
        AudioSource mic = devices.microphone();
        AudioSink spk = devices.speaker();
        session.setSource(mic);
        session.setSink(spk);
        close(microphone, speaker);
        microphone = mic;
        speaker = spk;
        attached = true;
        session.setSendingPaused(!sends);
    }

    /** The call went on hold: stop sending and give the devices back. */
    synchronized void detach() {
        beep(null);
        if (!started || !attached) {
            return;
        }
        session.setSendingPaused(true);
        AudioSource mic = devices.silence();
        AudioSink spk = devices.discard();
        session.setSource(mic);
        session.setSink(spk);
        close(microphone, speaker);
        microphone = mic;
        speaker = spk;
        attached = false;
    }

    /** @param tone a beep to mix into what this call plays (call waiting), or {@code null} to stop it */
    synchronized void beep(@Nullable AudioSource tone) {
        BeepingSink b = beeping;
        AudioSink spk = speaker;
        if (b != null) {
            if (spk != null) {
                session.setSink(spk);
            }
            b.close();
            beeping = null;
        }
        if (tone != null && started && spk != null) {
            BeepingSink n = new BeepingSink(spk, tone);
            session.setSink(n);
            beeping = n;
        } else if (tone != null) {
            tone.close();
        }
    }

    synchronized boolean beeping() {
        return beeping != null;
    }

    @Override
    public synchronized void close() {
        session.close();
        BeepingSink b = beeping;
        if (b != null) {
            b.close();
        }
        close(microphone, speaker);
        microphone = null;
        speaker = null;
    }

    private static void close(@Nullable AudioSource source, @Nullable AudioSink sink) {
        if (source != null) {
            source.close();
        }
        if (sink != null) {
            sink.close();
        }
    }

    /** @return the media layer's parameters, or {@code null} when the other side refused the audio stream */
    static @Nullable MediaParameters parameters(NegotiatedMedia m) {
        if (m.remotePort() <= 0) {
            return null;
        }
        InetAddress address;
        try {
            // an IP literal from the SDP c= line: no name lookup happens
            address = InetAddress.getByName(m.remoteAddress());
        } catch (UnknownHostException e) {
            return null;
        }
        int event = m.telephoneEventPayload() >= 96 && m.telephoneEventPayload() <= 127
                ? m.telephoneEventPayload()
                : MediaParameters.NO_TELEPHONE_EVENT;
        return new MediaParameters(Codec.valueOf(m.codec().name()), new InetSocketAddress(address, m.remotePort()),
                event, MediaParameters.DEFAULT_TELEPHONE_EVENT);
    }
}
