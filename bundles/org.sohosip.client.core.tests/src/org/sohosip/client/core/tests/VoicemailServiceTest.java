// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sohosip.client.core.ApiException;
import org.sohosip.client.core.ClientException;
import org.sohosip.client.core.KnownServersFile;
import org.sohosip.client.core.MessageWaitingState;
import org.sohosip.client.core.internal.SessionServiceImpl;
import org.sohosip.client.core.internal.VoicemailServiceImpl;
import org.sohosip.client.core.internal.MessageWaitingComponent;
import org.sohosip.core.api.MailboxSettings;
import org.sohosip.core.api.MailboxSettingsChange;
import org.sohosip.core.api.VoicemailCounts;
import org.sohosip.core.api.VoicemailFolder;
import org.sohosip.core.api.VoicemailMessage;

/**
 * The voicemail service over real HTTPS with the real session against {@link VoicemailServer}: folders, counts
 * that reach message waiting, audio fetched in byte ranges into the cache, moves, delete and restore, save as WAV,
 * settings and the server's error answers.
 */
class VoicemailServiceTest {

    private static TestCertificates cert;

    @TempDir
    Path dir;
    private VoicemailServer server;
    private SessionServiceImpl session;
    private MessageWaitingComponent waiting;
    private VoicemailServiceImpl voicemail;

    @BeforeAll
    static void certificate(@TempDir Path certs) throws Exception {
        cert = TestCertificates.generate(certs, "pbx");
    }

    @BeforeEach
    void start() throws Exception {
        server = new VoicemailServer(cert);
        server.deposit(1, 1, "3302", "2026-11-25T09:00:00Z", VoicemailFolder.NEW, false,
                VoicemailServer.tone(440, 2));
        server.deposit(2, 1, "+886223456789", "2026-11-26T08:00:00Z", VoicemailFolder.NEW, true,
                VoicemailServer.tone(800, 40));
        server.deposit(3, 1, "carol", "2026-11-20T10:00:00Z", VoicemailFolder.SAVED, false,
                VoicemailServer.tone(300, 1));
        server.deposit(9, 2, "alice", "2026-11-26T07:00:00Z", VoicemailFolder.NEW, false,
                VoicemailServer.tone(300, 1));
        session = new SessionServiceImpl(new KnownServersFile(dir.resolve("known")), Duration.ofSeconds(1));
        session.login(server.uri(), "alice", "secret-1234".toCharArray(), c -> true);
        waiting = new MessageWaitingComponent();
        voicemail = new VoicemailServiceImpl(session, session, waiting);
    }

    @AfterEach
    void stop() {
        voicemail.close();
        session.logout();
        server.close();
    }

    @Test
    void listsFoldersNewestFirstAndCountsReachMessageWaiting() {
        List<VoicemailMessage> fresh = voicemail.messages(VoicemailFolder.NEW);
        assertEquals(List.of(2L, 1L), fresh.stream().map(VoicemailMessage::id).toList(), "newest first, own only");
        assertTrue(fresh.get(0).urgent());
        assertEquals(40_000, fresh.get(0).durationMillis());
        assertEquals(List.of(3L), voicemail.messages(VoicemailFolder.SAVED).stream().map(VoicemailMessage::id)
                .toList());
        assertTrue(voicemail.messages(VoicemailFolder.OLD).isEmpty());

        List<MessageWaitingState> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        waiting.addListener(told::add);
        assertEquals(new VoicemailCounts(2, 1, 1, 0), voicemail.counts());
        assertEquals(new MessageWaitingState(true, true, 2, 1, 1), waiting.state());
        assertEquals(List.of(waiting.state()), told);
        assertTrue(server.requests.contains("GET /api/v1/me/voicemail?folder=NEW"), server.requests::toString);
    }

    @Test
    void fetchesAudioInByteRangesIntoTheCacheOnceAndForgetsItAtLogout() throws Exception {
        AtomicLong progress = new AtomicLong();
        AtomicInteger reports = new AtomicInteger();
        Path wav = voicemail.audio(2, n -> {
            progress.set(n);
            reports.incrementAndGet();
        });
        byte[] expected = server.wavOf(2);
        assertArrayEquals(expected, Files.readAllBytes(wav));
        assertEquals(expected.length, progress.get());
        // 640,044 bytes in parts of 256 KiB: three range requests, each told as progress
        assertEquals(List.of("GET /api/v1/me/voicemail/2/audio bytes=0-262143",
                "GET /api/v1/me/voicemail/2/audio bytes=262144-524287",
                "GET /api/v1/me/voicemail/2/audio bytes=524288-786431"),
                server.requests.stream().filter(r -> r.contains("/audio")).toList());
        assertEquals(3, reports.get());
        try (var files = Files.list(wav.getParent())) {
            assertEquals(List.of(wav), files.toList(), "no partial file is left beside it");
        }

        int before = server.requests.size();
        assertEquals(wav, voicemail.audio(2, n -> {
        }));
        assertEquals(before, server.requests.size(), "the second play comes from the cache");

        session.logout();
        assertFalse(Files.exists(wav), "the cache is emptied at logout");
    }

    @Test
    void movesDeletesAndRestoresAndTellsListeners() {
        AtomicInteger changes = new AtomicInteger();
        voicemail.addListener(changes::incrementAndGet);

        VoicemailMessage heard = voicemail.move(1, VoicemailFolder.OLD);
        assertEquals(VoicemailFolder.OLD, heard.folder());
        assertEquals(VoicemailFolder.OLD, server.message(1).folder(), "the server keeps the heard flag");
        assertEquals(new MessageWaitingState(true, true, 1, 2, 1), waiting.state(), "counts follow at once");
        assertEquals(1, changes.get());

        voicemail.delete(2);
        assertEquals(List.of(), voicemail.messages(VoicemailFolder.NEW));
        assertEquals(new MessageWaitingState(true, false, 0, 2, 0), waiting.state());
        VoicemailMessage back = voicemail.restore(2);
        assertEquals(VoicemailFolder.NEW, back.folder());
        assertFalse(back.deleted());
        assertEquals(List.of(2L), voicemail.messages(VoicemailFolder.NEW).stream().map(VoicemailMessage::id).toList());
        assertEquals(3, changes.get());

        voicemail.move(1, VoicemailFolder.NEW);
        assertEquals(VoicemailFolder.NEW, server.message(1).folder(), "marked unheard again");

        // someone else's message is answered like a missing one
        ApiException e = assertThrows(ApiException.class, () -> voicemail.move(9, VoicemailFolder.OLD));
        assertEquals(404, e.status());
        assertEquals("No such message.", e.getMessage());
        assertEquals(VoicemailFolder.NEW, server.message(9).folder());
    }

    @Test
    void savesAsWavCompletelyOrNotAtAll() throws Exception {
        Path target = dir.resolve("message.wav");
        Files.writeString(target, "an older file");
        voicemail.saveAsWav(1, target);
        assertArrayEquals(server.wavOf(1), Files.readAllBytes(target));
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".part")));
        }

        Path missing = dir.resolve("no-such-folder").resolve("message.wav");
        ClientException e = assertThrows(ClientException.class, () -> voicemail.saveAsWav(1, missing));
        assertEquals("Could not save the message as " + missing + ": the folder does not exist.", e.getMessage());
        assertFalse(Files.exists(missing));
    }

    @Test
    void readsAndChangesSettingsAndShowsFieldMessages() {
        assertEquals(new MailboxSettings("en", 20, false, false, null, false, null), voicemail.settings());
        MailboxSettings s = voicemail.updateSettings(new MailboxSettingsChange("zh-TW", 30, "4711", null, null,
                null, null));
        assertEquals(new MailboxSettings("zh-TW", 30, true, false, null, false, null), s);
        assertTrue(server.requests.contains("PUT /api/v1/me/voicemail/settings"));

        ApiException e = assertThrows(ApiException.class, () -> voicemail.updateSettings(
                new MailboxSettingsChange(null, 2, null, null, null, null, null)));
        assertEquals(400, e.status());
        assertEquals("Ring between 5 and 120 seconds before voicemail answers.",
                e.fieldErrors().get("noAnswerSeconds"));
    }

    @Test
    void callsAfterLogoutSayThatNobodyIsLoggedIn() {
        session.logout();
        ClientException e = assertThrows(ClientException.class, () -> voicemail.messages(VoicemailFolder.NEW));
        assertEquals("You are not logged in.", e.getMessage());
    }
}
