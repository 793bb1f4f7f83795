// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

import java.util.Objects;

/**
 * Where this side receives RTP: what goes into the {@code c=} and {@code m=} lines of the SDP this agent sends.
 * The media layer opens the RTP socket; this layer only describes it.
 *
 * @param address IP address of the RTP socket (not a wildcard)
 * @param rtpPort even RTP port (RTCP on the next one)
 * @since 0.1
 */
public record LocalMedia(String address, int rtpPort) {

    /** Checks the values. */
    public LocalMedia {
        Objects.requireNonNull(address, "address");
        if (rtpPort < 1 || rtpPort > 65535) {
            throw new IllegalArgumentException("RTP port out of range: " + rtpPort);
        }
    }
}
