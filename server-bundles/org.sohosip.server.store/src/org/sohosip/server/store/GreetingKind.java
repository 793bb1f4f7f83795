// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

/**
 * The recordings a mailbox owner can make for callers to hear.
 *
 * @since 0.1
 */
public enum GreetingKind {
    /** Played when the owner did not answer or is not registered. */
    UNAVAILABLE,
    /** Played when the owner is busy. */
    BUSY,
    /** The owner speaking their name, used inside generated greetings. */
    NAME
}
