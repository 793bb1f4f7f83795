// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media;

/**
 * Told of DTMF digits the peer sends as RFC 4733 events or, where asked for, as tones in the audio.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface DtmfListener {

    /**
     * Called once per key press, when the event ends (its end packet arrived, or the peer moved on to another
     * event, or its updates stopped for a second; for tones, when the tone stopped). Retransmitted end packets
     * never repeat a digit. Called on a media thread: return quickly.
     *
     * @param event the digit and how long it was held
     */
    void dtmfReceived(DtmfEvent event);
}
