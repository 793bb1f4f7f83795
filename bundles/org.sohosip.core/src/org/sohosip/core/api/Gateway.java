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
 * @since 0.1
 */
public record Gateway(long id, String name, String amiHost, int amiPort, String amiUser, boolean amiSecretSet,
        String trunkName, String sipHost, int sipPort, String outboundChannel, boolean enabled) {
}
