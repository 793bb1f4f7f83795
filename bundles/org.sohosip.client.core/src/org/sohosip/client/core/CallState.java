// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

/**
 * The life of one call as the softphone shows it.
 *
 * @since 0.1
 */
public enum CallState {
    /** Outgoing: the INVITE is on its way. */
    DIALING,
    /** Outgoing: the other side is ringing (ringback plays). */
    RINGING,
    /** Incoming: this softphone is ringing and waits for answer or decline. */
    INCOMING,
    /** Connected, audio flowing. */
    ACTIVE,
    /** Connected, put on hold by this side. */
    ON_HOLD,
    /** Connected, put on hold by the other side. */
    REMOTE_HOLD,
    /** Over; see {@link Call#endReason()}. */
    ENDED
}
