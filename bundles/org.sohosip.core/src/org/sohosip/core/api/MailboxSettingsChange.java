// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Body of {@code PUT /api/v1/me/voicemail/settings}: the mailbox settings to change. A {@code null} field is left
 * unchanged. To clear the SMS number or e-mail address send an empty string.
 *
 * @param language        {@code en} or {@code zh-TW}
 * @param noAnswerSeconds 5 to 120
 * @param pin             a new PIN of 4 to 10 digits (stored hashed)
 * @param smsEnabled      announce new messages by SMS
 * @param smsNumber       the number for SMS notifications ({@code +} and digits)
 * @param emailEnabled    send new messages by e-mail
 * @param emailAddress    the address for e-mail notifications
 * @since 0.1
 */
public record MailboxSettingsChange(@Nullable String language, @Nullable Integer noAnswerSeconds,
        @Nullable String pin, @Nullable Boolean smsEnabled, @Nullable String smsNumber,
        @Nullable Boolean emailEnabled, @Nullable String emailAddress) {

    /** Keeps the PIN out of logs. */
    @Override
    public String toString() {
        return "MailboxSettingsChange[language=" + language + ", noAnswerSeconds=" + noAnswerSeconds + ", pin="
                + (pin == null ? "null" : "***") + ", smsEnabled=" + smsEnabled + ", smsNumber=" + smsNumber
                + ", emailEnabled=" + emailEnabled + ", emailAddress=" + emailAddress + "]";
    }
}
