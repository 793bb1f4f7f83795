// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.util.List;
import java.util.Optional;

/**
 * Basic telephony of the softphone: placing calls and knowing the calls there are. Several calls can exist at
 * once; at most one is {@link CallState#ACTIVE}, the others are on hold (answering or dialling puts the active
 * one on hold). A second incoming call while one is active rings as call waiting.
 *
 * @since 0.1
 */
public interface Telephony {

    /**
     * Places a call.
     *
     * @param target an extension, user name, alias, number or {@code sip:} address
     * @return the new call, in state {@link CallState#DIALING}
     * @throws ClientException when the softphone is not registered or the target cannot be dialled
     */
    Call dial(String target);

    /** @return calls that have not ended, oldest first */
    List<Call> calls();

    /**
     * @return a sentence for people when the audio device is missing or unusable (calls still work with a silent
     *         microphone), otherwise empty
     */
    Optional<String> audioProblem();

    /** @param listener told of every call change */
    void addListener(CallListener listener);

    /** @param listener no longer told */
    void removeListener(CallListener listener);
}
