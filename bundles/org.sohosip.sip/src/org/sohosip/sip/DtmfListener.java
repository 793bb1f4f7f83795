// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

/**
 * Told of DTMF digits the other side sent as SIP INFO. Called on the user agent's event thread.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface DtmfListener {

    /**
     * @param call           the call it came on
     * @param digit          one of {@code 0-9 * # A-D}
     * @param durationMillis the duration the sender gave, or 0 when it gave none
     */
    void dtmfReceived(SipCall call, char digit, int durationMillis);
}
