// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

/**
 * Where a call to an inbound number goes.
 *
 * @since 0.1
 */
public enum InboundTargetKind {
    /** One account: the target is its extension, user name or alias. */
    EXTENSION,
    /** Every enabled member of an account group rings at once: the target is the group's name. */
    RING_GROUP,
    /** A mailbox: the target is the mailbox owner's extension or user name (it answers with the greeting). */
    VOICEMAIL
}
