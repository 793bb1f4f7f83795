// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import java.net.InetAddress;
import java.time.ZoneId;

import org.sohosip.media.AudioEndpoints;
import org.sohosip.media.MediaSessions;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.VoicemailStore;

/**
 * What every voicemail call needs: the stores, the prompts, media, and the configured limits.
 *
 * @param audio             the key detector for tones (ITU-T Q.24)
 * @param mediaAddress      where callers send RTP (the address the proxy serves phones on)
 * @param maxMillis         longest message
 * @param silenceMillis     silence that ends a recording
 * @param minSpeechMillis   speech below which a message is discarded
 * @param maxMessages       messages a mailbox holds
 * @param operatorExtension reached with 0 during the greeting; empty for none
 * @param noAnswerSeconds   the default ring time the mailbox settings report
 */
record Services(VoicemailStore store, AccountStore accounts, Prompts prompts, MediaSessions sessions,
        AudioEndpoints audio, InetAddress mediaAddress, ZoneId zone, long maxMillis, long silenceMillis, long minSpeechMillis,
        int maxMessages, String operatorExtension, int noAnswerSeconds) {

    static Services of(VoicemailStore store, AccountStore accounts, Prompts prompts, MediaSessions sessions,
            AudioEndpoints audio, InetAddress mediaAddress, VoicemailConfig config) {
        return new Services(store, accounts, prompts, sessions, audio, mediaAddress, ZoneId.systemDefault(),
                config.voicemail_maxSeconds() * 1000L, config.voicemail_silenceSeconds() * 1000L,
                config.voicemail_minSeconds() * 1000L, config.voicemail_maxMessages(),
                config.voicemail_operatorExtension().strip(), config.voicemail_noAnswerSeconds());
    }
}
