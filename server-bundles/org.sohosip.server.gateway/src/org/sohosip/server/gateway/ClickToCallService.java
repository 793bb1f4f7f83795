// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.gateway;

import org.sohosip.core.Account;
import org.sohosip.core.api.ClickToCallStarted;

/**
 * Click-to-call: the user's own phone rings first; once it answers, the number is dialled. Outside numbers are placed
 * by Asterisk (AMI Originate), which rings the user's phone through the SOHOSIP proxy; internal numbers (accounts and
 * call applications such as voicemail) by the SIP proxy itself, which asks the answering phone to call the number
 * (SIP REFER), with no Asterisk involved.
 *
 * @since 0.1
 */
public interface ClickToCallService {

    /**
     * @param caller the user who asked (their phone rings first)
     * @param number what to dial: an outside number as the user would dial it on the phone, or an extension
     * @return what is being set up
     * @throws ClickToCallException when the call cannot be placed (not permitted, no route, gateway down, no phone
     *                              of the caller registered)
     */
    ClickToCallStarted call(Account caller, String number);
}
