// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

import java.time.Instant;

import org.eclipse.jdt.annotation.Nullable;

/**
 * One message in a voicemail box, as {@code GET /api/v1/me/voicemail} lists it (the audio is fetched separately).
 *
 * @param id               the message's id
 * @param mailboxAccountId the id of the account whose mailbox holds it
 * @param mailbox          that account's user name
 * @param caller           the caller's number or user name as the caller presented it
 * @param callerName       the caller's display name when the call carried one
 * @param receivedAt       when the caller started speaking to the mailbox
 * @param durationMillis   length of the recorded audio in milliseconds
 * @param folder           the folder it is in
 * @param urgent           marked urgent by the caller
 * @param deleted          deleted but still restorable (deleted messages are purged after a few days)
 * @since 0.1
 */
public record VoicemailMessage(long id, long mailboxAccountId, String mailbox, String caller,
        @Nullable String callerName, Instant receivedAt, long durationMillis, VoicemailFolder folder, boolean urgent,
        boolean deleted) {
}
