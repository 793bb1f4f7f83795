// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core;

/**
 * Direction of a call as seen by one user.
 *
 * @since 0.1
 */
public enum CallDirection {
    /** Somebody called this user. */
    INCOMING,
    /** This user called somebody. */
    OUTGOING
}
