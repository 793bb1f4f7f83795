// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

/**
 * The SDP direction attribute, always from the point of view of the side it describes.
 *
 * @since 0.1
 */
public enum MediaDirection {
    /** Send and receive. */
    SENDRECV,
    /** Only send (the side that put the call on hold). */
    SENDONLY,
    /** Only receive (the side that is held). */
    RECVONLY,
    /** Neither. */
    INACTIVE;

    /** @return the SDP attribute name, e.g. {@code sendrecv} */
    public String attribute() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @return whether this side sends media */
    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    /** @return whether this side receives media */
    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    /** @return the direction the other side must answer with (RFC 3264 section 6.1) */
    public MediaDirection reverse() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            default -> this;
        };
    }
}
