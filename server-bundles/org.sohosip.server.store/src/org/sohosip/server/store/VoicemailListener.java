// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

import org.sohosip.core.api.MailboxSettings;
import org.sohosip.core.api.VoicemailCounts;
import org.sohosip.core.api.VoicemailMessage;

/**
 * Whiteboard service told after a committed change to a mailbox, so that message-waiting indicators and
 * notifications follow. Called after the commit, on a thread of the store (not the writer's): a slow listener
 * delays other listeners but never the caller or the recording.
 *
 * @since 0.1
 */
public interface VoicemailListener {

    /**
     * A mailbox's messages changed (deposit, moved to another folder, deleted, restored, purged).
     *
     * @param accountId the mailbox owner's account id
     * @param username  the mailbox owner's user name
     * @param counts    the counts after the change
     */
    void mailboxChanged(long accountId, String username, VoicemailCounts counts);

    /**
     * A new message was deposited (its recording finished, or was recovered after a crash).
     *
     * @param message  the new message
     * @param settings the mailbox's settings (where to send notifications)
     */
    default void messageDeposited(VoicemailMessage message, MailboxSettings settings) {
    }
}
