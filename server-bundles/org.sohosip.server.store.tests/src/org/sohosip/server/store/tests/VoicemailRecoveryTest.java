// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sohosip.server.store.tests.VoicemailAudioData.appendInFrames;
import static org.sohosip.server.store.tests.VoicemailAudioData.pcmOf;
import static org.sohosip.server.store.tests.VoicemailAudioData.tone;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.sohosip.core.Account;
import org.sohosip.core.api.VoicemailCounts;
import org.sohosip.core.api.VoicemailFolder;
import org.sohosip.core.api.VoicemailMessage;
import org.sohosip.server.store.Credentials;
import org.sohosip.server.store.VoicemailListener;
import org.sohosip.server.store.VoicemailRecording;
import org.sohosip.server.store.VoicemailStore;

/**
 * Recordings the store was stopped in the middle of: at the next start a long enough one is a complete message with
 * the audio written before the stop, a too short one is gone, and every other message is as it was. Deleted messages
 * older than {@code voicemail.purgeDays} are purged at the start.
 */
class VoicemailRecoveryTest {

    @Test
    void openRecordingsAreClosedAtTheNextStart() throws Exception {
        VoicemailAudioData.Recorder listener = new VoicemailAudioData.Recorder();
        ServiceRegistration<VoicemailListener> registration = FrameworkUtil.getBundle(VoicemailRecoveryTest.class)
                .getBundleContext().registerService(VoicemailListener.class, listener, null);
        try (StoreRunner first = StoreRunner.fresh()) {
            first.start();
            VoicemailStore voicemail = first.other(VoicemailStore.class);
            long anna = first.accounts().create(new Account(0, "anna", "Anna", "501", List.of(), false, true),
                    Credentials.derive("anna", "r", "anna-password-1")).id();
            long ben = first.accounts().create(new Account(0, "ben", "Ben", "502", List.of(), false, true),
                    Credentials.derive("ben", "r", "ben-password-1")).id();

            byte[] earlierPcm = tone(300, 2500);
            VoicemailMessage earlier;
            try (VoicemailRecording r = voicemail.startRecording(anna, "101", null, false, Instant.now())) {
                appendInFrames(r, earlierPcm);
                earlier = r.finish();
            }
            voicemail.move(anna, earlier.id(), VoicemailFolder.SAVED);
            VoicemailMessage purged;
            try (VoicemailRecording r = voicemail.startRecording(ben, "102", null, false, Instant.now())) {
                appendInFrames(r, tone(300, 500));
                purged = r.finish();
            }
            voicemail.setDeleted(ben, purged.id(), true);
            VoicemailMessage recentlyDeleted;
            try (VoicemailRecording r = voicemail.startRecording(ben, "103", null, false, Instant.now())) {
                appendInFrames(r, tone(300, 500));
                recentlyDeleted = r.finish();
            }
            voicemail.setDeleted(ben, recentlyDeleted.id(), true);
            try (Connection c = first.connectAsOwner(); PreparedStatement s = c.prepareStatement(
                    "UPDATE SOHOSIP.VOICEMAIL_MESSAGES SET DELETED_AT = ? WHERE ID = ?")) {
                s.setTimestamp(1, Timestamp.valueOf(LocalDateTime.ofInstant(Instant.now().minus(8, ChronoUnit.DAYS),
                        ZoneOffset.UTC)));
                s.setLong(2, purged.id());
                assertEquals(1, s.executeUpdate());
            }

            Instant received = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            byte[] longPcm = tone(700, 3000);
            VoicemailRecording open = voicemail.startRecording(anna, "0223456789", "Chen Wei", true, received);
            appendInFrames(open, longPcm);
            VoicemailRecording tooShort = voicemail.startRecording(ben, "105", null, false, Instant.now());
            appendInFrames(tooShort, tone(700, 1500));
            VoicemailRecording silent = voicemail.startRecording(ben, "106", null, false, Instant.now());

            first.stop(); // neither recording finished
            assertThrows(IllegalStateException.class, open::finish, "the store that held it is gone");
            listener.clear();

            StoreRunner second = new StoreRunner(first.dataDir, first.port);
            try {
                second.start();
                VoicemailStore restarted = second.other(VoicemailStore.class);

                VoicemailMessage recovered = listener.nextDeposit(anna).message();
                assertEquals(anna, recovered.mailboxAccountId());
                assertEquals("0223456789", recovered.caller());
                assertEquals("Chen Wei", recovered.callerName());
                assertEquals(received, recovered.receivedAt());
                assertEquals(3000, recovered.durationMillis());
                assertEquals(VoicemailFolder.NEW, recovered.folder());
                assertTrue(recovered.urgent());
                assertArrayEquals(longPcm, pcmOf(restarted.audio(anna, recovered.id()).orElseThrow()),
                        "the audio up to the stop, whole");
                listener.awaitCounts(anna, new VoicemailCounts(1, 1, 1, 0));

                assertEquals(List.of(recovered.id(), earlier.id()),
                        restarted.messages(anna, null).stream().map(VoicemailMessage::id).toList());
                VoicemailMessage earlierAgain = restarted.message(anna, earlier.id()).orElseThrow();
                assertEquals(VoicemailFolder.SAVED, earlierAgain.folder(), "other messages as they were");
                assertArrayEquals(earlierPcm, pcmOf(restarted.audio(anna, earlier.id()).orElseThrow()));

                assertTrue(restarted.messages(ben, null).isEmpty(), "1.5 s and 0 s are below the 2 s minimum");
                assertTrue(restarted.message(ben, purged.id()).isEmpty(), "deleted 8 days ago: purged");
                assertTrue(restarted.message(ben, recentlyDeleted.id()).orElseThrow().deleted(),
                        "deleted just now: still restorable");
                assertEquals(0, restarted.recoverUnfinished(), "nothing left to close");
                assertTrue(silent != null && tooShort != null);
            } finally {
                second.close();
            }
        } finally {
            registration.unregister();
        }
    }
}
