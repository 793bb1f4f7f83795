// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Body of {@code GET /api/v1/me/voicemail/settings}: how a user's mailbox behaves. The PIN itself is never sent,
 * only whether one is set.
 *
 * @param language        language of the mailbox's prompts: {@code en} or {@code zh-TW}
 * @param noAnswerSeconds seconds a call rings before the mailbox takes it
 * @param pinSet          whether a PIN for the phone menu is set
 * @param smsEnabled      whether new messages are announced by SMS
 * @param smsNumber       the number SMS notifications go to
 * @param emailEnabled    whether new messages are sent by e-mail (with the audio attached)
 * @param emailAddress    the address e-mail notifications go to
 * @since 0.1
 */
public record MailboxSettings(String language, int noAnswerSeconds, boolean pinSet, boolean smsEnabled,
        @Nullable String smsNumber, boolean emailEnabled, @Nullable String emailAddress) {
}
