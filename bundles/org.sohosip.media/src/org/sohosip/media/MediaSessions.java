// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media;

import java.net.InetAddress;

/**
 * Opens media sessions (a Declarative Services component). The RTP port range is configured under the
 * configuration PID {@code org.sohosip.media} with {@code rtp.port.min} and {@code rtp.port.max} (defaults 16384
 * and 32767); without configuration the defaults apply.
 *
 * @since 0.1
 */
public interface MediaSessions {

    /**
     * Opens a session on a free even port of the local address (RTCP on the port above).
     *
     * @param localAddress the address to bind, the one the SDP {@code c=} line names
     * @return the session, not yet started
     * @throws MediaException when no free port pair is left in the range
     */
    MediaSession open(InetAddress localAddress) throws MediaException;
}
