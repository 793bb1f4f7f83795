// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import org.sohosip.core.api.ClickToCallStarted;

/**
 * Click-to-call from the desk phone: the server makes the logged-in user's own registered phone ring and, once it
 * is answered, dials the number (through a gateway for outside numbers). Blocks while talking to the server: call
 * it off the UI thread.
 *
 * @since 0.1
 */
public interface ClickToCallService {

    /**
     * @param number an extension, user name or outside number, as one would dial it on the phone
     * @return what the server is setting up
     * @throws ApiException 400 for a number that cannot be dialled, 403 without permission for outside calls, 409
     *         when no phone of the user is registered, 503 when the gateway is down; the message says so
     * @throws IllegalArgumentException when the number is empty
     */
    ClickToCallStarted callFromDesk(String number);
}
