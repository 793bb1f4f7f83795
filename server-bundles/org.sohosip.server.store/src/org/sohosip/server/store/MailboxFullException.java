// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

/**
 * The mailbox already holds the most messages allowed ({@code voicemail.maxMessages}); no new message is taken.
 *
 * @since 0.1
 */
public class MailboxFullException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param accountId   the mailbox owner's account id
     * @param maxMessages the limit
     */
    public MailboxFullException(long accountId, int maxMessages) {
        super("The mailbox of account " + accountId + " is full (" + maxMessages + " messages).");
    }
}
