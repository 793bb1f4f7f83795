// SPDX-License-Identifier: EPL-2.0
package org.sohosip.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sohosip.product.tests.Office.ALICE;
import static org.sohosip.product.tests.Office.ALICE_PASSWORD;
import static org.sohosip.product.tests.Office.BOB;
import static org.sohosip.product.tests.Office.BOB_PASSWORD;
import static org.sohosip.product.tests.Office.DOMAIN;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Voicemail of the materialized server with SIPp as the caller (RTP from a G.711 file): messages left after no
 * answer, busy and not registered are in the database with the right caller and mailbox and with the tone that was
 * sent; a server killed with SIGKILL during a recording keeps that message up to the kill and every other one.
 */
class VoicemailProductTest {

    private static final Duration RUN = Duration.ofSeconds(60);
    private static final double HZ = 440;

    @TempDir
    Path work;

    private Office office;
    private final List<Sipp> peers = new ArrayList<>();

    @BeforeEach
    void openOffice() throws Exception {
        Sipp.requireInstalled();
        office = Office.open(work.resolve("server"), "--set", "sip.auth.algorithms=MD5,SHA-256", "--set",
                "voicemail.noAnswerSeconds=3");
    }

    @AfterEach
    void closeOffice() throws Exception {
        for (Sipp p : peers) {
            p.close();
        }
        if (office != null) {
            office.close();
        }
    }

    /** One stored message, as the database holds it. */
    record Stored(long id, String mailbox, String caller, long durationMillis, boolean complete, byte[] pcm) {
    }

    @Test
    void messagesAfterNoAnswerBusyAndOfflineHoldTheCallerAndTheTone() throws Exception {
        tone(4);
        leaveMessage("offline", BOB, 4500).awaitSuccess(RUN);

        int port = Products.freeSipPort();
        register(BOB, BOB_PASSWORD, port);
        Sipp busy = peer("bob-busy", "uas-busy.xml", "-p", Integer.toString(port));
        leaveMessage("busy", "3302", 4500).awaitSuccess(RUN);
        busy.awaitSuccess(RUN);

        Sipp rings = peer("bob-rings", "uas-ring.xml", "-p", Integer.toString(port));
        leaveMessage("no-answer", BOB, 4500).awaitSuccess(RUN);
        rings.awaitSuccess(RUN);

        List<Stored> messages = awaitMessages(office.server, BOB, 3);
        for (Stored m : messages) {
            assertEquals(ALICE, m.caller());
            assertTrue(m.complete(), m.toString());
            assertTrue(m.durationMillis() >= 4000 && m.durationMillis() <= 8000, "duration " + m.durationMillis());
            assertEquals(m.durationMillis() * 16, m.pcm().length, "the audio is as long as the message");
            assertTrue(presence(m.pcm()) >= 0.5, "the " + HZ + " Hz tone is what was recorded: " + presence(m.pcm()));
        }
    }

    @Test
    void aServerKilledDuringARecordingKeepsItUpToTheKillAndTheOthersIntact() throws Exception {
        tone(4);
        leaveMessage("first", BOB, 4500).awaitSuccess(RUN);
        Stored first = awaitMessages(office.server, BOB, 1).get(0);

        tone(40);
        Sipp long_ = leaveMessage("killed", BOB, 40_000);
        ServerProcess server = office.server;
        long open = awaitOpenRecording(server, 16_000 * 5); // 5 s of it committed
        server.kill();
        long_.close();

        try (ServerProcess again = ServerProcess.start(work.resolve("server"))) {
            again.awaitReady();
            List<Stored> after = awaitMessages(again, BOB, 2);
            Stored kept = after.stream().filter(m -> m.id() == first.id()).findFirst().orElseThrow();
            assertEquals(first.durationMillis(), kept.durationMillis(), "the earlier message is untouched");
            assertEquals(first.pcm().length, kept.pcm().length);
            Stored recovered = after.stream().filter(m -> m.id() == open).findFirst().orElseThrow(
                    () -> new AssertionError("the killed recording is gone"));
            assertTrue(recovered.complete(), "recovered as a complete message");
            assertTrue(recovered.durationMillis() >= 5000, "kept up to the kill: " + recovered.durationMillis());
            assertEquals(recovered.durationMillis() * 16, recovered.pcm().length);
            assertTrue(presence(recovered.pcm()) >= 0.5, "the tone up to the kill, nothing else");
        }
    }

    /** Writes {@code seconds} of the tone as G.711 µ-law, the file the scenario streams. */
    private void tone(int seconds) throws Exception {
        Path pcm = Tone.write(work.resolve("tone-pcm.wav"), HZ, seconds);
        Process sox = new ProcessBuilder("sox", pcm.toString(), "-r", "8000", "-c", "1", "-e", "u-law",
                work.resolve("tone.wav").toString(), "vol", "0.5").redirectErrorStream(true).start();
        assertTrue(sox.waitFor(30, TimeUnit.SECONDS) && sox.exitValue() == 0, new String(sox.getInputStream()
                .readAllBytes()));
    }

    private Sipp leaveMessage(String name, String target, int holdMillis) throws Exception {
        String scenario = "uac-voicemail-" + name + ".xml";
        try (var in = VoicemailProductTest.class.getResourceAsStream("/sipp/uac-voicemail.xml")) {
            Files.writeString(work.resolve(scenario), new String(in.readAllBytes(), "ISO-8859-1")
                    .replace("HOLD_MS", Integer.toString(holdMillis)), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return peer("alice-" + name, scenario, "-p", Integer.toString(Products.freeSipPort()), "-mp",
                Integer.toString(Products.freePortPair()), "-key", "domain", DOMAIN, "-key", "user", ALICE, "-au",
                ALICE, "-ap", ALICE_PASSWORD, "-s", target, office.server.sipAddress());
    }

    private Sipp register(String user, String password, int port) throws Exception {
        Sipp reg = peer(user + "-registers", "register.xml", "-p", Integer.toString(port), "-key",
                "domain", DOMAIN, "-key", "user", user, "-au", user, "-ap", password, office.server.sipAddress());
        reg.awaitSuccess(RUN);
        return reg;
    }

    private Sipp peer(String name, String scenario, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-m", "1"));
        Sipp s = Sipp.start(work, name, scenario, Duration.ofSeconds(90), all.toArray(String[]::new));
        peers.add(s);
        return s;
    }

    private Connection database(ServerProcess server) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", "sohosip");
        p.setProperty("password", Files.readString(work.resolve("server").resolve("db-password")).strip());
        return DriverManager.getConnection("jdbc:derby://127.0.0.1:" + server.dbPort + "/sohosip", p);
    }

    /** Waits until the mailbox holds {@code count} complete messages and returns them, oldest first. */
    private List<Stored> awaitMessages(ServerProcess server, String mailbox, int count) throws Exception {
        long deadline = System.nanoTime() + RUN.toNanos();
        List<Stored> found = List.of();
        while (System.nanoTime() < deadline) {
            found = messages(server, mailbox);
            if (found.stream().filter(Stored::complete).count() >= count) {
                return found;
            }
            Thread.sleep(200); // polling the database of the running server
        }
        throw new AssertionError(count + " messages expected for " + mailbox + ", found " + found);
    }

    private List<Stored> messages(ServerProcess server, String mailbox) throws Exception {
        List<Stored> out = new ArrayList<>();
        try (Connection c = database(server); PreparedStatement q = c.prepareStatement("SELECT m.ID, m.CALLER, "
                + "m.DURATION_MILLIS, m.COMPLETE FROM VOICEMAIL_MESSAGES m JOIN ACCOUNTS a ON a.ID = m.ACCOUNT_ID "
                + "WHERE a.USERNAME = ? ORDER BY m.ID")) {
            q.setString(1, mailbox);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    long id = r.getLong(1);
                    out.add(new Stored(id, mailbox, r.getString(2), r.getLong(3), r.getBoolean(4), audio(c, id)));
                }
            }
        }
        return out;
    }

    private static byte[] audio(Connection c, long id) throws Exception {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT DATA, BYTES FROM VOICEMAIL_AUDIO WHERE MESSAGE_ID = ? ORDER BY SEQ")) {
            q.setLong(1, id);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    pcm.write(r.getBytes(1), 0, r.getInt(2));
                }
            }
        }
        return pcm.toByteArray();
    }

    /** @return the id of the recording in progress once {@code bytes} of its audio are committed */
    private long awaitOpenRecording(ServerProcess server, long bytes) throws Exception {
        long deadline = System.nanoTime() + RUN.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = database(server); PreparedStatement q = c.prepareStatement("SELECT m.ID, "
                    + "(SELECT COALESCE(SUM(BYTES), 0) FROM VOICEMAIL_AUDIO a WHERE a.MESSAGE_ID = m.ID) "
                    + "FROM VOICEMAIL_MESSAGES m WHERE m.COMPLETE = FALSE")) {
                try (ResultSet r = q.executeQuery()) {
                    if (r.next() && r.getLong(2) >= bytes) {
                        return r.getLong(1);
                    }
                }
            }
            Thread.sleep(100); // polling the database of the running server
        }
        throw new AssertionError("no recording in progress reached " + bytes + " bytes");
    }

    /** The share of the message's 200 ms windows (after its first second) that carry the tone. */
    private double presence(byte[] pcm) throws Exception {
        Path wav = work.resolve("stored-" + System.nanoTime() + ".wav");
        AudioFormat format = new AudioFormat(8000f, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, pcm.length / 2)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav.toFile());
        }
        return Tone.presence(wav, HZ);
    }
}
