// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

/**
 * The voicemail settings of the store's configuration.
 *
 * @param noAnswerSeconds ring time of a mailbox whose owner never chose one ({@code voicemail.noAnswerSeconds})
 * @param maxMessages     messages a mailbox holds ({@code voicemail.maxMessages})
 * @param purgeDays       days a deleted message can still be restored ({@code voicemail.purgeDays})
 * @param minSeconds      shortest message kept when a recording left open by a crash is closed
 *                        ({@code voicemail.minSeconds})
 */
record VoicemailConfig(int noAnswerSeconds, int maxMessages, int purgeDays, int minSeconds) {

    static VoicemailConfig of(StoreConfig config) {
        return new VoicemailConfig(config.voicemail_noAnswerSeconds(), config.voicemail_maxMessages(),
                config.voicemail_purgeDays(), config.voicemail_minSeconds());
    }
}
