// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sohosip.server.store.tests.VoicemailAudioData.appendInFrames;
import static org.sohosip.server.store.tests.VoicemailAudioData.tone;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.sohosip.core.Account;
import org.sohosip.core.api.VoicemailCounts;
import org.sohosip.core.api.VoicemailFolder;
import org.sohosip.core.api.VoicemailMessage;
import org.sohosip.server.store.Credentials;
import org.sohosip.server.store.MailboxFullException;
import org.sohosip.server.store.NoSuchAccountException;
import org.sohosip.server.store.NoSuchVoicemailException;
import org.sohosip.server.store.VoicemailListener;
import org.sohosip.server.store.VoicemailRecording;
import org.sohosip.server.store.VoicemailStore;

/** Voicemail messages, folders, counts, listeners and limits on a real Derby network server. */
class VoicemailStoreTest {

    private static final int MAX_MESSAGES = 5;

    private static StoreRunner store;
    private static VoicemailStore voicemail;
    private static VoicemailAudioData.Recorder listener = new VoicemailAudioData.Recorder();
    private static ServiceRegistration<VoicemailListener> registration;
    private static int accounts;

    @BeforeAll
    static void start() throws Exception {
        store = StoreRunner.fresh().with("voicemail.maxMessages", MAX_MESSAGES);
        store.start();
        voicemail = store.other(VoicemailStore.class);
        registration = FrameworkUtil.getBundle(VoicemailStoreTest.class).getBundleContext()
                .registerService(VoicemailListener.class, listener, null);
    }

    @AfterAll
    static void stop() throws Exception {
        registration.unregister();
        store.close();
    }

    @BeforeEach
    void clearEvents() {
        listener.clear();
    }

    /** Each test gets its own mailboxes, so the order of tests does not matter. */
    static long newAccount(String name) {
        int n = ++accounts;
        String username = name + n;
        return store.accounts().create(new Account(0, username, name, "6" + (100 + n), List.of(), false, true),
                Credentials.derive(username, "r", "password-" + n)).id();
    }

    static VoicemailMessage deposit(long account, String caller, boolean urgent, byte[] pcm) {
        try (VoicemailRecording recording = voicemail.startRecording(account, caller, null, urgent, Instant.now())) {
            appendInFrames(recording, pcm);
            return recording.finish();
        }
    }

    @Test
    void depositIsListedCountedAndTold() throws Exception {
        long anna = newAccount("anna");
        Instant received = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        byte[] pcm = tone(440, 3000);
        VoicemailMessage message;
        try (VoicemailRecording recording = voicemail.startRecording(anna, "0223456789", "Chen Wei", true,
                received)) {
            appendInFrames(recording, pcm);
            assertEquals(3000, recording.recordedMillis());
            assertTrue(voicemail.messages(anna, null).isEmpty(), "a recording in progress is not listed");
            assertEquals(VoicemailCounts.EMPTY, voicemail.counts(anna));
            message = recording.finish();
        }
        assertEquals(anna, message.mailboxAccountId());
        assertTrue(message.mailbox().startsWith("anna"));
        assertEquals("0223456789", message.caller());
        assertEquals("Chen Wei", message.callerName());
        assertEquals(received, message.receivedAt());
        assertEquals(3000, message.durationMillis());
        assertEquals(VoicemailFolder.NEW, message.folder());
        assertTrue(message.urgent());
        assertFalse(message.deleted());
        assertEquals(List.of(message), voicemail.messages(anna, null));
        assertEquals(List.of(message), voicemail.messages(anna, VoicemailFolder.NEW));
        assertEquals(message, voicemail.message(anna, message.id()).orElseThrow());
        assertEquals(new VoicemailCounts(1, 0, 1, 0), voicemail.counts(anna));
        assertEquals(1, voicemail.messageCount(anna));
        assertArrayEquals(pcm, VoicemailAudioData.pcmOf(voicemail.audio(anna, message.id()).orElseThrow()));

        VoicemailAudioData.Recorder.Deposit deposit = listener.nextDeposit(anna);
        assertEquals(message, deposit.message());
        assertEquals("en", deposit.settings().language());
        VoicemailAudioData.Recorder.Change change = listener.nextChange(anna);
        assertEquals(message.mailbox(), change.username());
        assertEquals(new VoicemailCounts(1, 0, 1, 0), change.counts());
    }

    @Test
    void foldersCountsAndNewestFirst() throws Exception {
        long ben = newAccount("ben");
        VoicemailMessage first = deposit(ben, "201", false, tone(300, 500));
        VoicemailMessage second = deposit(ben, "202", true, tone(300, 500));
        VoicemailMessage third = deposit(ben, "203", false, tone(300, 500));
        assertEquals(List.of(third.id(), second.id(), first.id()),
                voicemail.messages(ben, null).stream().map(VoicemailMessage::id).toList());

        VoicemailMessage heard = voicemail.move(ben, second.id(), VoicemailFolder.OLD);
        assertEquals(VoicemailFolder.OLD, heard.folder());
        voicemail.move(ben, first.id(), VoicemailFolder.SAVED);
        assertEquals(new VoicemailCounts(1, 2, 0, 1), voicemail.counts(ben), "OLD and SAVED are both old");
        assertEquals(List.of(third.id()), ids(voicemail.messages(ben, VoicemailFolder.NEW)));
        assertEquals(List.of(second.id()), ids(voicemail.messages(ben, VoicemailFolder.OLD)));
        assertEquals(List.of(first.id()), ids(voicemail.messages(ben, VoicemailFolder.SAVED)));
        listener.clear();

        voicemail.move(ben, second.id(), VoicemailFolder.NEW);
        listener.awaitCounts(ben, new VoicemailCounts(2, 1, 1, 0)); // marked unheard again
    }

    @Test
    void softDeleteAndRestore() throws Exception {
        long cleo = newAccount("cleo");
        VoicemailMessage kept = deposit(cleo, "301", false, tone(300, 500));
        VoicemailMessage message = deposit(cleo, "302", false, tone(300, 500));
        listener.clear();

        VoicemailMessage deleted = voicemail.setDeleted(cleo, message.id(), true);
        assertTrue(deleted.deleted());
        assertEquals(List.of(kept.id()), ids(voicemail.messages(cleo, null)));
        assertEquals(new VoicemailCounts(1, 0, 0, 0), voicemail.counts(cleo));
        assertEquals(1, voicemail.messageCount(cleo));
        assertTrue(voicemail.message(cleo, message.id()).orElseThrow().deleted(), "still there to undo");
        listener.awaitCounts(cleo, new VoicemailCounts(1, 0, 0, 0));

        VoicemailMessage restored = voicemail.setDeleted(cleo, message.id(), false);
        assertFalse(restored.deleted());
        assertEquals(List.of(message.id(), kept.id()), ids(voicemail.messages(cleo, null)));
        listener.awaitCounts(cleo, new VoicemailCounts(2, 0, 0, 0));
    }

    @Test
    void mailboxesAreIsolated() {
        long dora = newAccount("dora");
        long eric = newAccount("eric");
        VoicemailMessage message = deposit(dora, "401", false, tone(300, 500));

        assertTrue(voicemail.messages(eric, null).isEmpty());
        assertTrue(voicemail.message(eric, message.id()).isEmpty());
        assertTrue(voicemail.audio(eric, message.id()).isEmpty());
        assertThrows(NoSuchVoicemailException.class, () -> voicemail.move(eric, message.id(), VoicemailFolder.OLD));
        assertThrows(NoSuchVoicemailException.class, () -> voicemail.setDeleted(eric, message.id(), true));
        assertEquals(VoicemailCounts.EMPTY, voicemail.counts(eric));
        NoSuchVoicemailException missing = assertThrows(NoSuchVoicemailException.class,
                () -> voicemail.move(eric, 999_999, VoicemailFolder.OLD));
        NoSuchVoicemailException foreign = assertThrows(NoSuchVoicemailException.class,
                () -> voicemail.move(eric, message.id(), VoicemailFolder.OLD));
        assertEquals(missing.getMessage().replace("999999", "X"),
                foreign.getMessage().replace(Long.toString(message.id()), "X"), "the same answer");
        assertEquals(VoicemailFolder.NEW, voicemail.message(dora, message.id()).orElseThrow().folder(),
                "nothing changed");
        assertThrows(NoSuchAccountException.class,
                () -> voicemail.startRecording(999_999, "1", null, false, Instant.now()));
    }

    @Test
    void discardedAndUnfinishedRecordingsAreNotMessages() throws Exception {
        long finn = newAccount("finn");
        VoicemailRecording recording = voicemail.startRecording(finn, "501", null, false, Instant.now());
        appendInFrames(recording, tone(300, 800));
        recording.discard();
        recording.discard();
        recording.close(); // a discarded recording is not finished by close
        assertThrows(IllegalStateException.class, () -> recording.append(new byte[2], 0, 2));
        assertThrows(IllegalStateException.class, recording::finish);
        assertTrue(voicemail.messages(finn, null).isEmpty());
        try (Connection c = store.connectAsOwner(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM SOHOSIP.VOICEMAIL_MESSAGES WHERE ACCOUNT_ID = ?")) {
            s.setLong(1, finn);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(0, r.getInt(1), "the row and its audio are gone");
            }
        }
    }

    @Test
    void audioIsCommittedWithinASecondWhileRecording() throws Exception {
        long gina = newAccount("gina");
        byte[] pcm = tone(500, 3000);
        try (VoicemailRecording recording = voicemail.startRecording(gina, "601", null, false, Instant.now());
                Connection c = store.connectAsOwner();
                PreparedStatement s = c.prepareStatement("SELECT COALESCE(SUM(a.BYTES), 0) FROM"
                        + " SOHOSIP.VOICEMAIL_AUDIO a JOIN SOHOSIP.VOICEMAIL_MESSAGES m ON m.ID = a.MESSAGE_ID"
                        + " WHERE m.ACCOUNT_ID = ? AND m.COMPLETE = FALSE")) {
            appendInFrames(recording, pcm);
            long appended = System.nanoTime();
            s.setLong(1, gina);
            long committed = 0;
            while (committed < pcm.length && System.nanoTime() - appended < 1_000_000_000L) {
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    committed = r.getLong(1);
                }
                Thread.sleep(20); // polling what another connection sees as committed
            }
            System.out.println("[FIGURE] voicemail audio visible to another connection "
                    + (System.nanoTime() - appended) / 1_000_000 + " ms after it was appended");
            assertEquals(pcm.length, committed, "all appended audio committed within a second, unfinished");
        }
    }

    @Test
    void fullMailboxTakesNoMoreMessages() {
        long hugo = newAccount("hugo");
        List<VoicemailMessage> messages = new ArrayList<>();
        for (int i = 0; i < MAX_MESSAGES; i++) {
            messages.add(deposit(hugo, "70" + i, false, tone(300, 100)));
        }
        assertEquals(MAX_MESSAGES, voicemail.messageCount(hugo));
        assertThrows(MailboxFullException.class, () -> voicemail.startRecording(hugo, "799", null, false,
                Instant.now()));
        voicemail.setDeleted(hugo, messages.get(0).id(), true);
        deposit(hugo, "799", false, tone(300, 100));
        assertEquals(MAX_MESSAGES, voicemail.messageCount(hugo));
    }

    @Test
    void concurrentRecordingsAreStoredWhole() throws Exception {
        int callers = 20;
        long[] mailboxes = new long[callers];
        for (int i = 0; i < callers; i++) {
            mailboxes[i] = newAccount("ida");
        }
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<VoicemailMessage>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                byte[] pcm = tone(200 + 10 * i, 2500);
                long mailbox = mailboxes[i];
                results.add(pool.submit(() -> deposit(mailbox, "800", false, pcm)));
            }
            for (int i = 0; i < callers; i++) {
                VoicemailMessage message = results.get(i).get();
                assertEquals(mailboxes[i], message.mailboxAccountId());
                assertEquals(2500, message.durationMillis());
                assertArrayEquals(tone(200 + 10 * i, 2500),
                        VoicemailAudioData.pcmOf(voicemail.audio(mailboxes[i], message.id()).orElseThrow()));
                assertEquals(1, voicemail.messageCount(mailboxes[i]));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oddByteCountsKeepWholeSamples() {
        long jack = newAccount("jack");
        byte[] pcm = tone(1000, 1000);
        VoicemailRecording recording = voicemail.startRecording(jack, "901", null, false, Instant.now());
        recording.append(pcm, 0, 3);
        recording.append(pcm, 3, pcm.length - 4);
        recording.append(pcm, pcm.length - 1, 1);
        VoicemailMessage message = recording.finish();
        assertEquals(message, recording.finish(), "finishing twice answers the same message");
        assertArrayEquals(pcm, VoicemailAudioData.pcmOf(voicemail.audio(jack, message.id()).orElseThrow()));
        assertNull(message.callerName());
    }

    private static List<Long> ids(List<VoicemailMessage> messages) {
        return messages.stream().map(VoicemailMessage::id).toList();
    }
}
