// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

/**
 * In-call controls: DTMF digits and the microphone mute.
 *
 * @since 0.1
 */
public interface CallControls {

    /**
     * Sends one DTMF digit as an RFC 4733 event (or SIP INFO when the other side offered no telephone-event).
     *
     * @param call  a connected call
     * @param digit one of {@code 0-9 * # A-D}
     */
    void sendDtmf(Call call, char digit);

    /**
     * @param call  a connected call
     * @param muted {@code true} to send silence instead of the microphone
     */
    void setMuted(Call call, boolean muted);

    /**
     * @param call a call
     * @return whether its microphone is muted
     */
    boolean isMuted(Call call);
}
