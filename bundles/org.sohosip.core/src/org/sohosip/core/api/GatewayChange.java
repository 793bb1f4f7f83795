// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Body of {@code POST /api/v1/gateways} and {@code PUT /api/v1/gateways/{id}} (see {@link Gateway} for the fields).
 *
 * @param name            unique name, 1-40 characters of letters, digits, '.', '_', '-'
 * @param amiHost         AMI host name or address
 * @param amiPort         AMI port, or {@code null} for 5038
 * @param amiUser         AMI user
 * @param amiSecret       the AMI secret; {@code null} on {@code PUT} keeps the stored one (required on {@code POST})
 * @param trunkName       Asterisk-side trunk name, 1-40 characters of letters, digits, '_', '-'
 * @param sipHost         Asterisk's SIP host or address
 * @param sipPort         Asterisk's SIP port, or {@code null} for 5060
 * @param outboundChannel the PSTN channel, e.g. {@code DAHDI/g0}, {@code DAHDI/1} or {@code PJSIP/provider}
 * @param enabled         {@code null} for {@code true}
 * @param timeZone        the IANA zone of the Asterisk host's clock (its CDR times are read in it), e.g.
 *                        {@code Asia/Taipei}; {@code null} on {@code POST} for the SOHOSIP server's own zone, on
 *                        {@code PUT} keeps the stored zone
 * @since 0.1
 */
public record GatewayChange(String name, String amiHost, @Nullable Integer amiPort, String amiUser,
        @Nullable String amiSecret, String trunkName, String sipHost, @Nullable Integer sipPort,
        String outboundChannel, @Nullable Boolean enabled, @Nullable String timeZone) {

    /**
     * A change that leaves the time zone as it is (the server's own zone for a new gateway).
     *
     * @since 0.1
     */
    public GatewayChange(String name, String amiHost, @Nullable Integer amiPort, String amiUser,
            @Nullable String amiSecret, String trunkName, String sipHost, @Nullable Integer sipPort,
            String outboundChannel, @Nullable Boolean enabled) {
        this(name, amiHost, amiPort, amiUser, amiSecret, trunkName, sipHost, sipPort, outboundChannel, enabled, null);
    }

    /** Keeps the AMI secret out of logs. */
    @Override
    public String toString() {
        return "GatewayChange[name=" + name + ", amiHost=" + amiHost + ", amiPort=" + amiPort + ", amiUser=" + amiUser
                + ", amiSecret=" + (amiSecret == null ? "unchanged" : "***") + ", trunkName=" + trunkName
                + ", sipHost=" + sipHost + ", sipPort=" + sipPort + ", outboundChannel=" + outboundChannel
                + ", enabled=" + enabled + ", timeZone=" + timeZone + "]";
    }
}
