// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.sohosip.media.MediaException;
import org.sohosip.media.MediaSession;
import org.sohosip.media.MediaSessions;

/**
 * Opens media sessions on free even ports of the configured range (PID {@code org.sohosip.media}), and closes
 * the ones still open when the component goes away.
 */
@Component(service = MediaSessions.class, configurationPid = "org.sohosip.media",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class MediaSessionsComponent implements MediaSessions {

    /** The RTP port range. */
    public @interface Config {
        /** @return the lowest RTP port */
        int rtp_port_min() default 16384;

        /** @return the highest RTP port (RTCP may use the one above) */
        int rtp_port_max() default 32767;
    }

    private final Set<MediaSession> open = ConcurrentHashMap.newKeySet();
    private volatile int min = 16384;
    private volatile int max = 32767;

    /** A component with the default range. */
    public MediaSessionsComponent() {
    }

    /**
     * A component with a range, for use outside OSGi.
     *
     * @param min the lowest port
     * @param max the highest port
     */
    public MediaSessionsComponent(int min, int max) {
        setRange(min, max);
    }

    @Activate
    @Modified
    void configure(Config config) {
        setRange(config.rtp_port_min(), config.rtp_port_max());
    }

    private void setRange(int low, int high) {
        if (low < 1024 || high > 65534 || high - low < 3) {
            throw new IllegalArgumentException("rtp.port.min and rtp.port.max must be a range of at least four ports "
                    + "between 1024 and 65534, not " + low + "-" + high);
        }
        this.min = low + (low & 1);
        this.max = high;
    }

    @Deactivate
    void closeAll() {
        for (MediaSession session : open) {
            session.close();
        }
    }

    @Override
    public MediaSession open(InetAddress localAddress) throws MediaException {
        int low = min;
        int pairs = (max - low) / 2;
        int first = ThreadLocalRandom.current().nextInt(pairs);
        for (int i = 0; i < pairs; i++) {
            int port = low + 2 * ((first + i) % pairs);
            DatagramSocket rtp = bind(localAddress, port);
            if (rtp == null) {
                continue;
            }
            DatagramSocket rtcp = bind(localAddress, port + 1);
            if (rtcp == null) {
                rtp.close();
                continue;
            }
            try {
                MediaSession[] holder = new MediaSession[1];
                FmjMediaSession session = new FmjMediaSession(rtp, rtcp, () -> open.remove(holder[0]));
                holder[0] = session;
                open.add(session);
                return session;
            } catch (IOException e) {
                rtp.close();
                rtcp.close();
                throw new MediaException("The call's audio could not use the network (" + e.getMessage() + ").", e);
            }
        }
        throw new MediaException("No free port for call audio is left between " + low + " and " + max
                + " on " + localAddress.getHostAddress() + ". End a call, or widen rtp.port.min/rtp.port.max.");
    }

    private static @Nullable DatagramSocket bind(InetAddress address, int port) {
        try {
            return new DatagramSocket(new InetSocketAddress(address, port));
        } catch (SocketException e) {
            return null;
        }
    }

    /** @return sessions opened and not closed yet */
    public int openSessions() {
        return open.size();
    }
}
