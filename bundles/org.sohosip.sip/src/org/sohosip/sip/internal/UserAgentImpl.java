// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.internal;

import org.sohosip.sip.SipException;
import org.sohosip.sip.SipIdentity;
import org.sohosip.sip.SipUserAgent;
import org.sohosip.sip.UserAgentConfig;

/** The JAIN-SIP user agent. */
public final class UserAgentImpl {

    private UserAgentImpl() {
    }

    /**
     * @param config   where to listen
     * @param identity who
     * @return the running agent
     */
    public static SipUserAgent start(UserAgentConfig config, SipIdentity identity) {
        throw new SipException("not yet implemented");
    }
}
