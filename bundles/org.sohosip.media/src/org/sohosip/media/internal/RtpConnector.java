// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import javax.media.protocol.ContentDescriptor;
import javax.media.protocol.PushSourceStream;
import javax.media.protocol.SourceTransferHandler;
import javax.media.rtp.OutputDataStream;
import javax.media.rtp.RTPConnector;

import org.eclipse.jdt.annotation.Nullable;

/**
 * FMJ's transport: our own UDP sockets for RTP and RTCP, handed to FMJ's session manager as a
 * {@link RTPConnector}. Every packet passes through here, so this is where incoming audio is copied to the jitter
 * buffer, telephone-event packets are taken out for the DTMF decoder (FMJ never sees them), outgoing audio
 * packets are turned into DTMF events while a digit is sent, and packets are counted.
 */
final class RtpConnector implements RTPConnector {

    /** Looks at packets on their way in and out. */
    interface Inspector {
        /** @return whether FMJ should also receive this RTP packet */
        boolean incomingRtp(byte[] packet, int length, long nanos);

        void incomingRtcp(byte[] packet, int length);

        /** @return the packet to send instead (may be the same array) */
        byte[] outgoingRtp(byte[] packet, int length);

        void outgoingRtcp(byte[] packet, int length);
    }

    private static final int RECEIVE_BUFFER = 256 * 1024;
    private static final int MAX_DATAGRAM = 2048;

    private final DatagramSocket rtpSocket;
    private final DatagramSocket rtcpSocket;
    private final Inspector inspector;
    private final SocketInput dataIn;
    private final SocketInput controlIn;
    private volatile @Nullable InetSocketAddress remote;

    RtpConnector(DatagramSocket rtpSocket, DatagramSocket rtcpSocket, Inspector inspector) throws SocketException {
        this.rtpSocket = rtpSocket;
        this.rtcpSocket = rtcpSocket;
        this.inspector = inspector;
        // Bursts (a scheduling hiccup, a DTMF burst) must not overflow the kernel's default buffer.
        rtpSocket.setReceiveBufferSize(RECEIVE_BUFFER);
        rtcpSocket.setReceiveBufferSize(RECEIVE_BUFFER / 4);
        this.dataIn = new SocketInput(rtpSocket, true);
        this.controlIn = new SocketInput(rtcpSocket, false);
    }

    /** @param remote the peer's RTP address; RTCP goes to the port above */
    void setRemote(InetSocketAddress remote) {
        this.remote = remote;
    }

    /** Starts the receiving threads (FMJ sets its transfer handlers first, in {@code initialize}). */
    void startReceiving(String name) {
        dataIn.start(name + " RTP");
        controlIn.start(name + " RTCP");
    }

    @Override
    public void close() {
        rtpSocket.close();
        rtcpSocket.close();
    }

    @Override
    public PushSourceStream getDataInputStream() {
        return dataIn;
    }

    @Override
    public PushSourceStream getControlInputStream() {
        return controlIn;
    }

    @Override
    public OutputDataStream getDataOutputStream() {
        return (buffer, offset, length) -> send(rtpSocket, buffer, offset, length, true);
    }

    @Override
    public OutputDataStream getControlOutputStream() {
        return (buffer, offset, length) -> send(rtcpSocket, buffer, offset, length, false);
    }

    private int send(DatagramSocket socket, byte[] buffer, int offset, int length, boolean data) {
        InetSocketAddress target = remote;
        if (target == null || socket.isClosed()) {
            return length; // not started yet, or closing: FMJ must not see an error for that
        }
        byte[] packet = new byte[length];
        System.arraycopy(buffer, offset, packet, 0, length);
        if (data) {
            packet = inspector.outgoingRtp(packet, length);
        } else {
            inspector.outgoingRtcp(packet, length);
        }
        int port = data ? target.getPort() : target.getPort() + 1;
        try {
            socket.send(new DatagramPacket(packet, packet.length, target.getAddress(), port));
            return length;
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public int getReceiveBufferSize() {
        try {
            return rtpSocket.getReceiveBufferSize();
        } catch (SocketException e) {
            return -1;
        }
    }

    @Override
    public void setReceiveBufferSize(int size) throws IOException {
        rtpSocket.setReceiveBufferSize(Math.max(size, RECEIVE_BUFFER));
    }

    @Override
    public int getSendBufferSize() {
        try {
            return rtpSocket.getSendBufferSize();
        } catch (SocketException e) {
            return -1;
        }
    }

    @Override
    public void setSendBufferSize(int size) throws IOException {
        rtpSocket.setSendBufferSize(size);
    }

    @Override
    public double getRTCPBandwidthFraction() {
        return -1; // FMJ's default (5 %)
    }

    @Override
    public double getRTCPSenderBandwidthFraction() {
        return -1; // FMJ's default (25 % of the RTCP share)
    }

    /** One socket as FMJ's push stream: a thread receives, shows the packet to us, then pushes it to FMJ. */
    private final class SocketInput implements PushSourceStream {

        private final DatagramSocket socket;
        private final boolean data;
        private final BlockingQueue<byte[]> pending = new ArrayBlockingQueue<>(64);
        private volatile @Nullable SourceTransferHandler handler;

        SocketInput(DatagramSocket socket, boolean data) {
            this.socket = socket;
            this.data = data;
        }

        void start(String name) {
            Thread thread = new Thread(this::receive, name);
            thread.setDaemon(true);
            thread.setPriority(Thread.MAX_PRIORITY);
            thread.start();
        }

        private void receive() {
            byte[] buffer = new byte[MAX_DATAGRAM];
            DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
            while (!socket.isClosed()) {
                try {
                    datagram.setLength(buffer.length);
                    socket.receive(datagram);
                } catch (IOException e) {
                    return; // closed
                }
                long now = System.nanoTime();
                int length = datagram.getLength();
                byte[] packet = new byte[length];
                System.arraycopy(buffer, 0, packet, 0, length);
                boolean forward;
                try {
                    if (data) {
                        forward = inspector.incomingRtp(packet, length, now);
                    } else {
                        inspector.incomingRtcp(packet, length);
                        forward = true;
                    }
                } catch (RuntimeException e) {
                    forward = false; // a malformed packet must not stop reception
                }
                SourceTransferHandler target = handler;
                if (forward && target != null && pending.offer(packet)) {
                    target.transferData(this);
                }
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            byte[] packet = pending.poll();
            if (packet == null) {
                return 0;
            }
            int n = Math.min(length, packet.length);
            System.arraycopy(packet, 0, buffer, offset, n);
            return n;
        }

        @Override
        public int getMinimumTransferSize() {
            return MAX_DATAGRAM;
        }

        @Override
        public void setTransferHandler(SourceTransferHandler transferHandler) {
            this.handler = transferHandler;
        }

        @Override
        public ContentDescriptor getContentDescriptor() {
            return new ContentDescriptor(ContentDescriptor.RAW);
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
