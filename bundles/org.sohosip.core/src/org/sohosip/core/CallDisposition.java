// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core;

/**
 * How a call attempt ended, as recorded in the call history.
 *
 * @since 0.1
 */
public enum CallDisposition {
    /** The callee answered; the call had a conversation. */
    ANSWERED,
    /** The callee was reachable but did not answer (no answer, declined, or unreachable registered phones). */
    MISSED,
    /** Every phone of the callee answered busy. */
    BUSY,
    /** The call could not be set up (unknown target, not registered, error). */
    FAILED,
    /** The caller hung up before anybody answered. */
    CANCELLED
}
