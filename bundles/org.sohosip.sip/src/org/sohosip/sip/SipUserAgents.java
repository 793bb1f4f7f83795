// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

import org.sohosip.sip.internal.UserAgentImpl;

/**
 * Creates user agents. Holds no state: each call makes an independent stack, so DS components and tests can make
 * as many as they need.
 *
 * @since 0.1
 */
public final class SipUserAgents {

    private SipUserAgents() {
    }

    /**
     * Starts a stack on the configured address and port(s), with its logging routed through
     * {@link Slf4jStackLogger}.
     *
     * @param config   where to listen
     * @param identity who the agent is
     * @return a running user agent; close it when done
     * @throws SipException when the stack cannot start or the port cannot be bound
     */
    public static SipUserAgent create(UserAgentConfig config, SipIdentity identity) {
        return UserAgentImpl.start(config, identity);
    }
}
