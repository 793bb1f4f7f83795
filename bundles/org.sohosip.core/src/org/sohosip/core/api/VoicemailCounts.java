// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

/**
 * Message-waiting counts of one mailbox (deleted messages not counted), as a phone's message-waiting indicator
 * shows them ({@code Voice-Message: new/old (urgent new/urgent old)} in RFC 3842).
 *
 * @param newMessages messages in {@link VoicemailFolder#NEW}
 * @param oldMessages messages in {@link VoicemailFolder#OLD} and {@link VoicemailFolder#SAVED}
 * @param newUrgent   urgent messages among the new ones
 * @param oldUrgent   urgent messages among the old ones
 * @since 0.1
 */
public record VoicemailCounts(int newMessages, int oldMessages, int newUrgent, int oldUrgent) {

    /** The counts of an empty mailbox. */
    public static final VoicemailCounts EMPTY = new VoicemailCounts(0, 0, 0, 0);
}
