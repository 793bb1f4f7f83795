// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.media.rtp.RTPManager;
import javax.media.rtp.SendStream;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.media.AudioFrame;
import org.sohosip.media.AudioSink;
import org.sohosip.media.AudioSource;
import org.sohosip.media.Codec;
import org.sohosip.media.DtmfEvent;
import org.sohosip.media.DtmfListener;
import org.sohosip.media.MediaException;
import org.sohosip.media.MediaParameters;
import org.sohosip.media.MediaSession;
import org.sohosip.media.MediaStatistics;

/**
 * A media session whose RTP session (SSRC, sequence numbers, RTCP sender and receiver reports, participant
 * bookkeeping) is FMJ's {@link RTPManager}, over our {@link RtpConnector}. A 20 ms send clock reads the
 * source, encodes G.711 and pushes it into FMJ's send stream; a play-out clock that follows the incoming stream's
 * phase plays one frame from the jitter buffer into the sink every 20 ms. Incoming audio is decoded from the connector's packets straight into the jitter buffer: FMJ's receive
 * Processor would add its own buffering and a thread per stream for no gain.
 */
public final class FmjMediaSession implements MediaSession, RtpConnector.Inspector {

    private static final Logger LOG = LoggerFactory.getLogger(FmjMediaSession.class);
    private static final long FRAME_NANOS = AudioFrame.MILLIS * 1_000_000L;
    private static final long GRACE_NANOS = 18_000_000L;

    private final InetSocketAddress local;
    private final RtpConnector connector;
    private final Runnable onClose;
    private final JitterBuffer jitterBuffer = new JitterBuffer();
    private final ReceptionStats reception = new ReceptionStats();
    private final DtmfSender dtmfSender = new DtmfSender();
    private final DtmfReceiver dtmfReceiver;
    private final List<DtmfListener> dtmfListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong packetsSent = new AtomicLong();
    private final AtomicLong packetsReceived = new AtomicLong();
    private final AtomicLong rtcpReceived = new AtomicLong();
    private final AtomicLong rtcpSent = new AtomicLong();
    private final short[] sendFrame = AudioFrame.newFrame();
    private final short[] playFrame = AudioFrame.newFrame();

    private volatile @Nullable MediaParameters parameters;
    private volatile AudioSource source = new SilenceSource();
    private volatile AudioSink sink = new DiscardSink();
    private volatile boolean paused;
    private volatile boolean muted;
    private volatile boolean sourceEnded;
    /** Hears digits sent as tones, when asked for; only the play-out thread writes into it. */
    private volatile @Nullable DtmfToneReceiver inbandDtmf;
    /** The peer sent an RFC 4733 event: its keys come that way, so tones are not counted again. */
    private volatile boolean telephoneEventsSeen;
    private boolean talkSpurt = true;
    private long rtpTimestamp = ThreadLocalRandom.current().nextLong(0x1_0000_0000L);
    private @Nullable RTPManager manager;
    private @Nullable SendStream sendStream;
    private @Nullable FrameDataSource dataSource;
    private @Nullable ScheduledExecutorService clock;
    private @Nullable Thread playout;
    private boolean closed;

    FmjMediaSession(DatagramSocket rtpSocket, DatagramSocket rtcpSocket, Runnable onClose) throws IOException {
        this.local = (InetSocketAddress) rtpSocket.getLocalSocketAddress();
        this.connector = new RtpConnector(rtpSocket, rtcpSocket, this);
        this.onClose = onClose;
        this.dtmfReceiver = new DtmfReceiver(this::dtmfReceived);
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public synchronized void start(MediaParameters agreed, AudioSource audioSource, AudioSink audioSink)
            throws MediaException {
        if (closed || manager != null) {
            throw new IllegalStateException(closed ? "The media session is closed" : "The media session runs");
        }
        this.parameters = agreed;
        this.source = audioSource;
        this.sink = audioSink;
        connector.setRemote(agreed.remote());
        Fmj.prepare();
        RTPManager rtp = RTPManager.newInstance();
        try {
            rtp.addFormat(FrameDataSource.ALAW_RTP, Codec.PCMA.payloadType());
            rtp.initialize(connector);
            FrameDataSource frames = new FrameDataSource(agreed.codec());
            SendStream stream = rtp.createSendStream(frames, 0);
            stream.start();
            this.manager = rtp;
            this.dataSource = frames;
            this.sendStream = stream;
        } catch (IOException | javax.media.format.UnsupportedFormatException | RuntimeException e) {
            rtp.dispose();
            throw new MediaException(Messages.audioDidNotStart(String.valueOf(e.getMessage())), e);
        }
        connector.startReceiving("Media " + local.getPort());
        ScheduledExecutorService tick = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "Media send " + local.getPort());
            thread.setDaemon(true);
            thread.setPriority(Thread.MAX_PRIORITY);
            return thread;
        });
        tick.scheduleAtFixedRate(this::sendTick, 0, AudioFrame.MILLIS, TimeUnit.MILLISECONDS);
        this.clock = tick;
        Thread play = new Thread(this::playLoop, "Media play " + local.getPort());
        play.setDaemon(true);
        play.setPriority(Thread.MAX_PRIORITY);
        play.start();
        this.playout = play;
    }

    /** Every 20 ms: send one frame. Never throws, or the schedule would stop. */
    private void sendTick() {
        try {
            sendOne();
        } catch (RuntimeException e) {
            LOG.warn("Sending audio failed", e);
        }
    }

    /**
     * Plays one frame every 20 ms. The clock follows the incoming stream's phase: when a tick finds no packet it
     * waits up to 18 ms for one (a packet delayed by a busy machine then plays as soon as it comes, adding only its
     * lateness to the delay instead of a whole concealed frame), and if one comes the ticks move that much later;
     * when packets keep waiting longer than needed, the jitter buffer asks for earlier ticks. So a packet waits for
     * play-out a few milliseconds, not up to a whole frame, and a slightly late one still plays in time.
     */
    private void playLoop() {
        long next = System.nanoTime();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long wait;
                while ((wait = next - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                boolean waited = jitterBuffer.starved() && jitterBuffer.awaitPacket(next + GRACE_NANOS);
                long now = System.nanoTime();
                try {
                    jitterBuffer.take(playFrame, now);
                    sink.write(playFrame);
                    DtmfToneReceiver tones = inbandDtmf;
                    if (tones != null) {
                        tones.write(playFrame);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Playing audio failed", e);
                }
                dtmfReceiver.tick(now);
                if (waited) {
                    next = now + FRAME_NANOS + jitterBuffer.wantedSlack();
                } else {
                    next += FRAME_NANOS + jitterBuffer.takePhaseCorrection();
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void sendOne() {
        MediaParameters agreed = parameters;
        FrameDataSource frames = dataSource;
        if (agreed == null || frames == null) {
            return;
        }
        long timestamp = rtpTimestamp;
        rtpTimestamp = (rtpTimestamp + AudioFrame.SAMPLES) & 0xFFFF_FFFFL;
        if (paused) {
            talkSpurt = true;
            return;
        }
        boolean sound = false;
        if (!sourceEnded) {
            sourceEnded = !source.read(sendFrame);
            sound = !sourceEnded;
        }
        if (!sound || muted) {
            java.util.Arrays.fill(sendFrame, (short) 0);
        }
        byte[] payload = new byte[AudioFrame.SAMPLES];
        G711.encode(agreed.codec(), sendFrame, AudioFrame.SAMPLES, payload, 0);
        frames.push(agreed.codec(), payload, timestamp, talkSpurt);
        talkSpurt = false;
    }

    @Override
    public boolean incomingRtp(byte[] packet, int length, long nanos) {
        if (!Rtp.isRtp(packet, 0, length) || Rtp.isRtcp(packet, 0, length)) {
            return false;
        }
        packetsReceived.incrementAndGet();
        int ssrc = Rtp.ssrc(packet, 0);
        synchronized (reception) {
            reception.update(ssrc, Rtp.sequence(packet, 0));
        }
        int payloadType = Rtp.payloadType(packet, 0);
        MediaParameters agreed = parameters;
        if (agreed != null && payloadType >= 96
                && (payloadType == agreed.receiveTelephoneEvent() || payloadType == agreed.sendTelephoneEvent())) {
            telephoneEventsSeen = true;
            dtmfReceiver.packet(packet, 0, length, nanos);
            return false;
        }
        Codec codec = Codec.ofPayloadType(payloadType).orElse(null);
        if (codec == null) {
            return false; // comfort noise or a codec we did not offer: nothing to play
        }
        int header = Rtp.headerLength(packet, 0, length);
        int count = Rtp.payloadLength(packet, 0, length);
        short[] samples = new short[count];
        G711.decode(codec, packet, header, count, samples);
        jitterBuffer.put(ssrc, Rtp.timestamp(packet, 0), samples, nanos);
        return true;
    }

    @Override
    public void incomingRtcp(byte[] packet, int length) {
        rtcpReceived.addAndGet(countReports(packet, length));
    }

    @Override
    public byte[] outgoingRtp(byte[] packet, int length) {
        packetsSent.incrementAndGet();
        MediaParameters agreed = parameters;
        if (agreed != null && agreed.canSendTelephoneEvents() && dtmfSender.busy()) {
            return dtmfSender.rewrite(packet, agreed.sendTelephoneEvent());
        }
        return packet;
    }

    @Override
    public void outgoingRtcp(byte[] packet, int length) {
        rtcpSent.addAndGet(countReports(packet, length));
    }

    /** @return the sender and receiver reports in a compound RTCP packet */
    static int countReports(byte[] packet, int length) {
        int reports = 0;
        int at = 0;
        while (at + 4 <= length && (packet[at] & 0xC0) == 0x80) {
            int type = packet[at + 1] & 0xFF;
            if (type == 200 || type == 201) {
                reports++;
            }
            at += 4 * ((((packet[at + 2] & 0xFF) << 8) | (packet[at + 3] & 0xFF)) + 1);
        }
        return reports;
    }

    private void dtmfReceived(DtmfEvent event) {
        for (DtmfListener listener : dtmfListeners) {
            try {
                listener.dtmfReceived(event);
            } catch (RuntimeException e) {
                LOG.warn("A DTMF listener failed", e);
            }
        }
    }

    @Override
    public void update(MediaParameters agreed) {
        this.parameters = agreed;
        connector.setRemote(agreed.remote());
    }

    @Override
    public @Nullable MediaParameters parameters() {
        return parameters;
    }

    @Override
    public void setSource(AudioSource audioSource) {
        this.source = audioSource;
        this.sourceEnded = false;
    }

    @Override
    public void setSink(AudioSink audioSink) {
        this.sink = audioSink;
    }

    @Override
    public void setSendingPaused(boolean sendingPaused) {
        this.paused = sendingPaused;
    }

    @Override
    public boolean isSendingPaused() {
        return paused;
    }

    @Override
    public void setMuted(boolean mute) {
        this.muted = mute;
    }

    @Override
    public boolean isMuted() {
        return muted;
    }

    @Override
    public void sendDtmf(char digit, Duration duration) {
        DtmfEvent.codeOf(digit); // refuses a non-digit before anything else
        MediaParameters agreed = parameters;
        if (agreed == null || closed) {
            throw new IllegalStateException(Messages.dtmfNotStarted());
        }
        if (!agreed.canSendTelephoneEvents()) {
            throw new IllegalStateException(Messages.noTelephoneEvent());
        }
        dtmfSender.queue(digit, duration.toMillis());
    }

    @Override
    public void setInbandDtmf(boolean on) {
        inbandDtmf = on ? new DtmfToneReceiver(this::toneDigitReceived) : null;
    }

    private void toneDigitReceived(DtmfEvent event) {
        if (!telephoneEventsSeen) {
            dtmfReceived(event);
        }
    }

    @Override
    public void addDtmfListener(DtmfListener listener) {
        dtmfListeners.add(listener);
    }

    @Override
    public void removeDtmfListener(DtmfListener listener) {
        dtmfListeners.remove(listener);
    }

    @Override
    public MediaStatistics statistics() {
        long lost;
        synchronized (reception) {
            lost = reception.totalLost();
        }
        return new MediaStatistics(packetsSent.get(), packetsReceived.get(), lost, jitterBuffer.discarded(),
                jitterBuffer.dropped(), jitterBuffer.concealed(), jitterBuffer.jitterMillis(),
                jitterBuffer.targetDelayMillis(), rtcpReceived.get(), rtcpSent.get(), dtmfReceiver.events());
    }

    @Override
    public void close() {
        ScheduledExecutorService tick;
        Thread play;
        RTPManager rtp;
        SendStream stream;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            tick = clock;
            play = playout;
            rtp = manager;
            stream = sendStream;
        }
        try {
            if (tick != null) {
                tick.shutdownNow();
                tick.awaitTermination(1, TimeUnit.SECONDS);
            }
            if (play != null) {
                play.interrupt();
                play.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (stream != null) {
                stream.close();
            }
            if (rtp != null) {
                rtp.removeTargets("call ended");
                rtp.dispose();
            }
        } catch (RuntimeException e) {
            LOG.debug("FMJ complained while closing the RTP session", e);
        } finally {
            connector.close();
            onClose.run();
        }
    }

    @Override
    public String toString() {
        return "MediaSession[" + local + "]";
    }
}
