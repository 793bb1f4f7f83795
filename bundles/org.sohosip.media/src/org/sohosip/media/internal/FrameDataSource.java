// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

import javax.media.Buffer;
import javax.media.Format;
import javax.media.Time;
import javax.media.format.AudioFormat;
import javax.media.protocol.BufferTransferHandler;
import javax.media.protocol.ContentDescriptor;
import javax.media.protocol.PushBufferDataSource;
import javax.media.protocol.PushBufferStream;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.media.Codec;

/**
 * The send side as FMJ sees it: a push data source of G.711 RTP payloads, one per 20 ms, which FMJ's send
 * stream packetizes (header, SSRC, sequence numbers) and reports in RTCP sender reports. The session's clock
 * pushes each payload with its RTP timestamp ({@code FLAG_RTP_TIME}), so timestamps keep running while sending
 * is paused, and with {@code FLAG_NO_SYNC}, so FMJ sends at once instead of pacing again.
 */
final class FrameDataSource extends PushBufferDataSource {

    /** The A-law RTP format; FMJ knows µ-law by payload type 0 but A-law must be added to the session. */
    static final AudioFormat ALAW_RTP = new AudioFormat("ALAW/rtp", 8000, 8, 1);
    static final AudioFormat ULAW_RTP = new AudioFormat(AudioFormat.ULAW_RTP, 8000, 8, 1);

    private final FrameStream stream = new FrameStream();

    FrameDataSource(Codec codec) {
        stream.format = format(codec);
    }

    static AudioFormat format(Codec codec) {
        return codec == Codec.PCMU ? ULAW_RTP : ALAW_RTP;
    }

    /**
     * Hands one payload to FMJ, which sends it before this returns.
     *
     * @param codec     its codec (FMJ switches payload type when it changes)
     * @param payload   the G.711 bytes
     * @param timestamp the RTP timestamp
     * @param marker    whether it starts a talk spurt
     */
    void push(Codec codec, byte[] payload, long timestamp, boolean marker) {
        BufferTransferHandler handler;
        synchronized (stream) {
            stream.format = format(codec);
            stream.payload = payload;
            stream.timestamp = timestamp;
            stream.marker = marker;
            handler = stream.handler;
        }
        if (handler != null) {
            handler.transferData(stream);
        }
    }

    @Override
    public PushBufferStream[] getStreams() {
        return new PushBufferStream[] {stream};
    }

    @Override
    public String getContentType() {
        return ContentDescriptor.RAW_RTP;
    }

    @Override
    public void connect() {
    }

    @Override
    public void disconnect() {
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }

    @Override
    public Object[] getControls() {
        return new Object[0];
    }

    @Override
    public @Nullable Object getControl(String controlType) {
        return null;
    }

    @Override
    public Time getDuration() {
        return DURATION_UNBOUNDED;
    }

    private static final class FrameStream implements PushBufferStream {

        AudioFormat format = ULAW_RTP;
        byte @Nullable [] payload;
        long timestamp;
        boolean marker;
        long sequence;
        @Nullable BufferTransferHandler handler;

        @Override
        public synchronized Format getFormat() {
            return format;
        }

        @Override
        public synchronized void read(Buffer buffer) {
            byte[] data = payload;
            if (data == null) {
                buffer.setDiscard(true);
                return;
            }
            payload = null;
            buffer.setData(data);
            buffer.setOffset(0);
            buffer.setLength(data.length);
            buffer.setFormat(format);
            buffer.setTimeStamp(timestamp);
            // FMJ numbers RTP packets from these: they must rise by one per packet, pauses included.
            buffer.setSequenceNumber(sequence++);
            buffer.setDiscard(false);
            buffer.setEOM(false);
            buffer.setFlags(Buffer.FLAG_NO_SYNC | Buffer.FLAG_RTP_TIME | (marker ? Buffer.FLAG_RTP_MARKER : 0));
        }

        @Override
        public synchronized void setTransferHandler(BufferTransferHandler transferHandler) {
            this.handler = transferHandler;
        }

        @Override
        public ContentDescriptor getContentDescriptor() {
            return new ContentDescriptor(ContentDescriptor.RAW_RTP);
        }

        @Override
        public long getContentLength() {
            return LENGTH_UNKNOWN;
        }

        @Override
        public boolean endOfStream() {
            return false;
        }

        @Override
        public Object[] getControls() {
            return new Object[0];
        }

        @Override
        public @Nullable Object getControl(String controlType) {
            return null;
        }
    }
}
