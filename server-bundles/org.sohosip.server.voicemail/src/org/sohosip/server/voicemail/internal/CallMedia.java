// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.media.AudioEndpoints;
import org.sohosip.media.AudioSink;
import org.sohosip.media.Codec;
import org.sohosip.media.MediaException;
import org.sohosip.media.MediaParameters;
import org.sohosip.media.MediaSession;
import org.sohosip.media.MediaStatistics;
import org.sohosip.media.MediaSessions;
import org.sohosip.sip.LocalMedia;
import org.sohosip.sip.NegotiatedMedia;
import org.sohosip.sip.SipCall;

/**
 * One answered call's audio and keys: the media session plays a {@link PromptPlayer} and hands received audio to
 * the in-band key detector (and the recorder while one runs); keys from RFC 4733 events, INFO and tones meet in one
 * {@link DigitInput}.
 */
final class CallMedia implements AutoCloseable {

    final SipCall call;
    final PromptPlayer player = new PromptPlayer();
    final DigitInput keys;
    private final MediaSession session;
    private final AudioSink inband;

    private CallMedia(SipCall call, MediaSession session, DigitInput keys, AudioEndpoints audio) {
        this.call = call;
        this.session = session;
        this.keys = keys;
        this.inband = audio.dtmfDetector(event -> keys.tone(event.digit())); // ITU-T Q.24 tolerances
    }

    /** Answers the call and starts its audio. */
    static CallMedia answer(SipCall call, DigitInput keys, Services services) throws MediaException {
        MediaSessions sessions = services.sessions();
        InetAddress address = services.mediaAddress();
        NegotiatedMedia offered = call.media().orElseThrow(() -> new MediaException("The call offered no audio"));
        MediaSession session = sessions.open(address);
        try {
            CallMedia media = new CallMedia(call, session, keys, services.audio());
            call.answer(new LocalMedia(address.getHostAddress(), session.localAddress().getPort()));
            NegotiatedMedia agreed = call.media().orElse(offered);
            session.addDtmfListener(event -> keys.event(event.digit(), "rtp"));
            session.start(parameters(agreed), media.player, media.inband);
            return media;
        } catch (MediaException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private static MediaParameters parameters(NegotiatedMedia m) throws MediaException {
        InetAddress remote;
        try {
            remote = InetAddress.getByName(m.remoteAddress()); // an IP literal from the SDP: no lookup
        } catch (UnknownHostException e) {
            throw new MediaException("The caller's media address " + m.remoteAddress() + " is not usable", e);
        }
        int event = m.telephoneEventPayload() >= 96 && m.telephoneEventPayload() <= 127 ? m.telephoneEventPayload()
                : MediaParameters.NO_TELEPHONE_EVENT;
        return new MediaParameters(Codec.valueOf(m.codec().name()), new InetSocketAddress(remote, m.remotePort()),
                event, MediaParameters.DEFAULT_TELEPHONE_EVENT);
    }

    /** Sends received audio to the recorder too, or stops that with {@code null}. */
    void record(@Nullable AudioSink recorder) {
        session.setSink(recorder == null ? inband : new TeeSink(recorder, inband));
    }

    /**
     * Plays the clips and waits until they are played or a key is pressed.
     *
     * @param interruptible whether a key stops the playing (and is returned)
     * @return the key that stopped it, or {@code 0} when all was played
     */
    char play(List<short[]> clips, boolean interruptible) throws DigitInput.HungUp, InterruptedException {
        player.play(clips);
        while (!player.idle()) {
            char key = keys.next(20);
            if (key != 0 && interruptible) {
                player.stop();
                return key;
            }
        }
        return 0;
    }

    /**
     * Transfers the caller's phone to {@code target} (REFER) and waits for its answer, so the call is not hung up
     * under the transfer.
     *
     * @return whether the phone accepted the transfer
     */
    boolean transfer(String target) throws InterruptedException {
        try {
            call.transfer(target).toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /** @return the media session's counters so far (packets received, lost, late) */
    MediaStatistics statistics() {
        return session.statistics();
    }

    /** @return the next key within {@code millis}, or 0 */
    char await(long millis) throws DigitInput.HungUp, InterruptedException {
        return keys.next(millis);
    }

    @Override
    public void close() {
        session.close();
        if (call.state().isLive()) {
            call.hangUp();
        }
    }
}
