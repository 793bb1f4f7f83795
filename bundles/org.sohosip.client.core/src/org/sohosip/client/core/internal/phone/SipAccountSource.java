// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal.phone;

import java.util.Optional;

/**
 * Offered by the session: the SIP account of the logged-in user, known from login until logout. Internal to the
 * client core: only the softphone components use it.
 */
public interface SipAccountSource {

    /** @return the SIP account while logged in and the server offers telephony */
    Optional<SipAccount> sipAccount();

    /** @return why there is no SIP account while logged in (a sentence for people), if so */
    Optional<String> sipProblem();
}
