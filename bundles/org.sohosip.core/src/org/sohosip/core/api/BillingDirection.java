// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

/**
 * Whether a billed call went out to the telephone network or came in from it.
 *
 * @since 0.1
 */
public enum BillingDirection {
    /** From the telephone network to the office. */
    INBOUND,
    /** From the office to the telephone network. */
    OUTBOUND
}
