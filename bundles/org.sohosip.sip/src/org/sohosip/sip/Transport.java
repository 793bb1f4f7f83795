// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

/**
 * A SIP transport a user agent listens on and sends over.
 *
 * @since 0.1
 */
public enum Transport {
    /** Datagrams; the stack retransmits. */
    UDP,
    /** A stream connection; no retransmissions. */
    TCP;

    /** @return the lower-case name used in Via headers and URI parameters */
    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
