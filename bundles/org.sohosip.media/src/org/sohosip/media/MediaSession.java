// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The audio of one call: an RTP session on a local port pair (RTP on an even port, RTCP on the next), opened by
 * {@link MediaSessions#open}. Put the local port in the SDP, then {@link #start} with what offer/answer agreed.
 * Sending reads the {@link AudioSource} every 20 ms; received audio goes through an adaptive jitter buffer to the
 * {@link AudioSink} every 20 ms (silence while nothing arrives). Thread-safe.
 *
 * @since 0.1
 */
public interface MediaSession extends AutoCloseable {

    /** @return the local RTP address and port (RTCP is on the next port); put it in the SDP */
    InetSocketAddress localAddress();

    /**
     * Starts sending and receiving.
     *
     * @param parameters what offer/answer agreed
     * @param source     what to send (e.g. the microphone, or {@link AudioEndpoints#silence()})
     * @param sink       where received audio goes (e.g. the speaker, or {@link AudioEndpoints#discard()})
     * @throws MediaException        when the media engine cannot start the streams
     * @throws IllegalStateException when already started or closed
     */
    void start(MediaParameters parameters, AudioSource source, AudioSink sink) throws MediaException;

    /**
     * Applies a new offer/answer (a re-INVITE): the remote address and the telephone-event payload types change
     * at once; a codec change applies to the next packet sent.
     *
     * @param parameters the new agreement
     */
    void update(MediaParameters parameters);

    /** @return the parameters in force, or {@code null} before {@link #start} */
    @org.eclipse.jdt.annotation.Nullable
    MediaParameters parameters();

    /**
     * Replaces the audio source (e.g. the microphone after a device change). The old source is not closed.
     *
     * @param source the new source
     */
    void setSource(AudioSource source);

    /**
     * Replaces the audio sink. The old sink is not closed.
     *
     * @param sink the new sink
     */
    void setSink(AudioSink sink);

    /**
     * Stops or resumes sending RTP, for hold ({@code sendonly}/{@code inactive} from the other side's view).
     * Receiving goes on; RTCP reports go on in both directions.
     *
     * @param paused {@code true} to stop sending packets
     */
    void setSendingPaused(boolean paused);

    /** @return whether sending is paused */
    boolean isSendingPaused();

    /**
     * Sends silence instead of the source, keeping packets flowing (so the peer's jitter buffer and NAT bindings
     * stay warm).
     *
     * @param muted {@code true} to send silence
     */
    void setMuted(boolean muted);

    /** @return whether the source is muted */
    boolean isMuted();

    /**
     * Sends a DTMF digit as an RFC 4733 event: a first packet with the marker bit, duration updates every 20 ms
     * instead of audio packets, and the end packet three times. Digits are queued and sent one after another
     * with a 40 ms gap; this method does not wait for them.
     *
     * @param digit    one of {@code 0-9 * # A-D}
     * @param duration how long the key is held: 40 ms to 8 s (the RFC 4733 duration field's range at 8 kHz);
     *                 shorter or longer values are brought into that range
     * @throws IllegalArgumentException when the digit is not a DTMF digit
     * @throws IllegalStateException    when the session is not started or no telephone-event was negotiated
     */
    void sendDtmf(char digit, Duration duration);

    /**
     * Also listens for DTMF digits sent as tones in the received audio (callers through gateways that pass keys in
     * band), with the tolerances of {@link AudioEndpoints#dtmfDetector}; such digits go to the DTMF listeners like
     * RFC 4733 events. Once the peer has sent an RFC 4733 event, tones are no longer reported, so a key a gateway
     * sends both ways counts once. Off until turned on.
     *
     * @param on {@code true} to listen for tones
     */
    void setInbandDtmf(boolean on);

    /** @param listener told of every DTMF digit received, as RFC 4733 events and, if turned on, as tones */
    void addDtmfListener(DtmfListener listener);

    /** @param listener no longer told */
    void removeDtmfListener(DtmfListener listener);

    /** @return the counters so far */
    MediaStatistics statistics();

    /** Stops the streams, closes the sockets (freeing both ports) and the media threads. Closing twice does nothing. */
    @Override
    void close();
}
