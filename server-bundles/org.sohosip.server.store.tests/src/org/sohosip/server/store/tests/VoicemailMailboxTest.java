// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sohosip.server.store.tests.VoicemailAudioData.read;
import static org.sohosip.server.store.tests.VoicemailAudioData.tone;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sohosip.core.Account;
import org.sohosip.core.api.MailboxSettings;
import org.sohosip.core.api.MailboxSettingsChange;
import org.sohosip.core.api.VoicemailMessage;
import org.sohosip.server.store.Credentials;
import org.sohosip.server.store.GreetingKind;
import org.sohosip.server.store.NoSuchAccountException;
import org.sohosip.server.store.VoicemailAudio;
import org.sohosip.server.store.VoicemailRecording;
import org.sohosip.server.store.VoicemailStore;

/** Mailbox settings, PINs, greetings and the WAV files of messages on a real Derby network server. */
class VoicemailMailboxTest {

    private static StoreRunner store;
    private static VoicemailStore voicemail;
    private static long anna;
    private static long ben;

    @BeforeAll
    static void start() throws Exception {
        store = StoreRunner.fresh().with("voicemail.noAnswerSeconds", 25);
        store.start();
        voicemail = store.other(VoicemailStore.class);
        anna = store.accounts().create(new Account(0, "anna", "Anna", "501", List.of(), false, true),
                Credentials.derive("anna", "r", "anna-password-1")).id();
        ben = store.accounts().create(new Account(0, "ben", "Ben", "502", List.of(), false, true),
                Credentials.derive("ben", "r", "ben-password-1")).id();
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
    }

    private static MailboxSettingsChange change(String language, Integer seconds, String pin) {
        return new MailboxSettingsChange(language, seconds, pin, null, null, null, null);
    }

    @Test
    void settingsDefaultsChangesAndPin() throws Exception {
        assertEquals(new MailboxSettings("en", 17, false, false, null, false, null), voicemail.settings(anna, 17));

        MailboxSettings changed = voicemail.updateSettings(anna, change("zh-TW", null, "4711"));
        assertEquals(new MailboxSettings("zh-TW", 25, true, false, null, false, null), changed,
                "the ring time follows voicemail.noAnswerSeconds until the owner chooses one");
        assertEquals(changed, voicemail.settings(anna, 25));

        changed = voicemail.updateSettings(anna, new MailboxSettingsChange(null, 30, null, true, "+886912345678",
                true, "anna@example.org"));
        assertEquals(new MailboxSettings("zh-TW", 30, true, true, "+886912345678", true, "anna@example.org"),
                changed, "unset fields unchanged");
        assertEquals(30, voicemail.settings(anna, 17).noAnswerSeconds());

        assertTrue(voicemail.pinMatches(anna, "4711"));
        assertFalse(voicemail.pinMatches(anna, "4712"));
        assertFalse(voicemail.pinMatches(anna, ""));
        assertFalse(voicemail.pinMatches(ben, "4711"), "another mailbox has its own PIN");
        assertFalse(voicemail.pinMatches(ben, ""), "no PIN set: nothing matches");
        assertFalse(voicemail.pinMatches(999_999, "4711"));
        try (Connection c = store.connectAsOwner(); PreparedStatement s = c.prepareStatement(
                "SELECT PIN_HASH FROM SOHOSIP.MAILBOX_SETTINGS WHERE ACCOUNT_ID = ?")) {
            s.setLong(1, anna);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                assertTrue(r.getString(1).startsWith("pbkdf2-sha256$"), "stored hashed");
                assertFalse(r.getString(1).contains("4711"));
            }
        }
        assertFalse(new MailboxSettingsChange(null, null, "4711", null, null, null, null).toString().contains("4711"));

        voicemail.updateSettings(anna, new MailboxSettingsChange(null, null, "9876543210", null, "", null, null));
        assertTrue(voicemail.pinMatches(anna, "9876543210"));
        assertFalse(voicemail.pinMatches(anna, "4711"), "the old PIN no longer works");
        MailboxSettings cleared = voicemail.settings(anna, 17);
        assertEquals(null, cleared.smsNumber());
        assertFalse(cleared.smsEnabled(), "no number, no SMS");
        assertTrue(cleared.emailEnabled());
    }

    @Test
    void invalidSettingsAreRefusedWhole() {
        MailboxSettings before = voicemail.settings(ben, 20);
        for (MailboxSettingsChange bad : List.of(change("de", null, null), change(null, 4, null),
                change(null, 121, null), change(null, null, "123"), change(null, null, "12345678901"),
                change(null, null, "12a4"), new MailboxSettingsChange("en", null, null, true, null, null, null),
                new MailboxSettingsChange(null, null, null, null, "call me", null, null),
                new MailboxSettingsChange(null, null, null, null, null, true, "not-an-address"))) {
            assertThrows(IllegalArgumentException.class, () -> voicemail.updateSettings(ben, bad), bad.toString());
        }
        assertEquals(before, voicemail.settings(ben, 20), "nothing half-written");
        assertThrows(NoSuchAccountException.class, () -> voicemail.updateSettings(999_999, change("en", 20, null)));
    }

    @Test
    void greetingsPerKindAndOwner() {
        byte[] unavailable = tone(400, 2000);
        byte[] busy = tone(600, 1500);
        assertTrue(voicemail.greeting(anna, GreetingKind.UNAVAILABLE).isEmpty());
        voicemail.setGreeting(anna, GreetingKind.UNAVAILABLE, unavailable);
        voicemail.setGreeting(anna, GreetingKind.BUSY, busy);
        assertArrayEquals(unavailable, voicemail.greeting(anna, GreetingKind.UNAVAILABLE).orElseThrow());
        assertArrayEquals(busy, voicemail.greeting(anna, GreetingKind.BUSY).orElseThrow());
        assertTrue(voicemail.greeting(anna, GreetingKind.NAME).isEmpty());
        assertTrue(voicemail.greeting(ben, GreetingKind.UNAVAILABLE).isEmpty(), "greetings are per mailbox");

        byte[] replaced = tone(800, 1000);
        voicemail.setGreeting(anna, GreetingKind.UNAVAILABLE, replaced);
        assertArrayEquals(replaced, voicemail.greeting(anna, GreetingKind.UNAVAILABLE).orElseThrow());
        voicemail.setGreeting(anna, GreetingKind.BUSY, new byte[0]);
        assertTrue(voicemail.greeting(anna, GreetingKind.BUSY).isEmpty(), "an empty greeting removes it");
        assertThrows(NoSuchAccountException.class,
                () -> voicemail.setGreeting(999_999, GreetingKind.NAME, replaced));
    }

    @Test
    void wavHeaderAndByteRanges() {
        // 5 s: longer than two stored pieces, so ranges cross piece boundaries.
        byte[] pcm = tone(1000, 5000);
        VoicemailMessage message;
        try (VoicemailRecording recording = voicemail.startRecording(ben, "0912345678", null, false,
                Instant.now())) {
            // Uneven writes, so the pieces do not line up with the appends.
            for (int at = 0; at < pcm.length; at += 4321) {
                recording.append(pcm, at, Math.min(4321, pcm.length - at));
            }
            message = recording.finish();
        }
        VoicemailAudio audio = voicemail.audio(ben, message.id()).orElseThrow();
        assertEquals(44 + pcm.length, audio.length());
        assertEquals(5000, audio.durationMillis());

        byte[] wav = read(audio, 0, audio.length() - 1);
        ByteBuffer header = ByteBuffer.wrap(wav, 0, 44).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("RIFF", ascii(wav, 0));
        assertEquals(36 + pcm.length, header.getInt(4));
        assertEquals("WAVE", ascii(wav, 8));
        assertEquals("fmt ", ascii(wav, 12));
        assertEquals(16, header.getInt(16));
        assertEquals(1, header.getShort(20), "PCM");
        assertEquals(1, header.getShort(22), "mono");
        assertEquals(8000, header.getInt(24));
        assertEquals(16000, header.getInt(28), "byte rate");
        assertEquals(2, header.getShort(32), "block align");
        assertEquals(16, header.getShort(34), "bits per sample");
        assertEquals("data", ascii(wav, 36));
        assertEquals(pcm.length, header.getInt(40));
        assertArrayEquals(pcm, Arrays.copyOfRange(wav, 44, wav.length));

        long[][] ranges = { { 0, 0 }, { 0, 43 }, { 40, 47 }, { 44, 44 }, { 43, 32_050 }, { 32_040, 32_048 },
                { 32_043, 64_100 }, { 1000, 79_000 }, { audio.length() - 1, audio.length() - 1 },
                { audio.length() - 10, audio.length() - 1 } };
        for (long[] range : ranges) {
            assertArrayEquals(Arrays.copyOfRange(wav, (int) range[0], (int) range[1] + 1),
                    read(audio, range[0], range[1]), "bytes " + range[0] + "-" + range[1]);
        }
        assertThrows(IllegalArgumentException.class, () -> audio.open(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> audio.open(10, 9));
        assertThrows(IllegalArgumentException.class, () -> audio.open(0, audio.length()));
        assertThrows(IllegalArgumentException.class, () -> audio.open(audio.length(), audio.length()));
    }

    private static String ascii(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.US_ASCII);
    }
}
