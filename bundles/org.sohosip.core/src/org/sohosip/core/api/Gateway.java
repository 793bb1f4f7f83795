// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

/**
 * An Asterisk PSTN gateway as {@code GET /api/v1/gateways} shows it. The AMI secret is never returned, only whether
 * one is set.
 *
 * @param id              store identity
 * @param name            a unique name people recognise, e.g. {@code fxo-main}
 * @param amiHost         host or address of Asterisk's manager interface
 * @param amiPort         the AMI TCP port (Asterisk's default is 5038)
 * @param amiUser         the AMI user ({@code [user]} section of {@code manager.conf})
 * @param amiSecretSet    whether an AMI secret is stored
 * @param trunkName       the name of the trunk on the Asterisk side (pjsip endpoint and dial-plan context prefix)
 * @param sipHost         where Asterisk's SIP stack listens: the proxy sends outside calls there and accepts
 *                        inbound calls from this address without authentication
 * @param sipPort         Asterisk's SIP port (5060 by default)
 * @param outboundChannel the Asterisk channel that reaches the telephone network, e.g. {@code DAHDI/g0}
 * @param enabled         a disabled gateway takes no calls and is not connected to
 * @param timeZone        the IANA zone of the Asterisk host's clock, e.g. {@code Asia/Taipei}: Asterisk writes the
 *                        times of its CDRs as local date-times without a zone, so they are read in this zone
 * @since 0.1
 */
public record Gateway(long id, String name, String amiHost, int amiPort, String amiUser, boolean amiSecretSet,
        String trunkName, String sipHost, int sipPort, String outboundChannel, boolean enabled, String timeZone) {

    /**
     * A gateway whose Asterisk runs in the SOHOSIP server's own time zone (the default of a new gateway).
     *
     * @since 0.1
     */
    public Gateway(long id, String name, String amiHost, int amiPort, String amiUser, boolean amiSecretSet,
            String trunkName, String sipHost, int sipPort, String outboundChannel, boolean enabled) {
        this(id, name, amiHost, amiPort, amiUser, amiSecretSet, trunkName, sipHost, sipPort, outboundChannel, enabled,
                java.time.ZoneId.systemDefault().getId());
    }
}
