// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

/**
 * What message waiting says about the user's mailbox.
 *
 * @param known       whether anything was heard yet (from the server's NOTIFY or a count fetched over the API)
 * @param waiting     whether new messages wait
 * @param newMessages new (unheard) messages
 * @param oldMessages heard and saved messages
 * @param newUrgent   urgent among the new ones
 * @since 0.1
 */
public record MessageWaitingState(boolean known, boolean waiting, int newMessages, int oldMessages, int newUrgent) {

    /** Nothing heard yet (not logged in, or the server has not told). */
    public static final MessageWaitingState UNKNOWN = new MessageWaitingState(false, false, 0, 0, 0);
}
