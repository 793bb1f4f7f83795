// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core;

/**
 * What kind of line a contact's phone number reaches.
 *
 * @since 0.1
 */
public enum PhoneType {
    /** An internal extension of this or another office. */
    EXTENSION,
    /** A work line. */
    OFFICE,
    /** A mobile phone. */
    MOBILE,
    /** A private line at home. */
    HOME,
    /** A fax machine. */
    FAX,
    /** Anything else. */
    OTHER
}
