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
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
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
import java.util.regex.Pattern;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Voicemail of the materialized server with SIPp as the caller (RTP from a G.711 file): messages left after no
 * answer, busy and not registered are in the database with the right caller and mailbox and with the tone that was
 * sent, and the registered phone is told the counts by an unsolicited NOTIFY; a server killed with SIGKILL during a recording keeps that message up to the kill and every other one. SIPp
 * also drives the menu with keys (RFC 4733 events from a pcap file, or in-band tones): it logs in with mailbox and
 * PIN, saves one message, deletes another and calls its sender back, each key acting once.
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

    /**
     * Bob's phone (SIPp) registers, is busy, then rings without answer, then unregisters; a message is left each
     * time. After each message left while it is registered (it never subscribed), the phone's address receives an
     * unsolicited message-summary NOTIFY with the new count: it is listened to on that address once the SIPp peer is
     * done, so the NOTIFY never meets a peer that expects a call.
     */
    @Test
    void messagesAfterNoAnswerBusyAndOfflineHoldTheCallerAndTheTone() throws Exception {
        tone(4);
        int port = Products.freeSipPort();
        register(BOB, BOB_PASSWORD, port);
        Sipp busy = peer("bob-busy", "uas-busy.xml", "-p", Integer.toString(port));
        Sipp busyCaller = leaveMessage("busy", "3302", 4500);
        busy.awaitSuccess(RUN);
        try (DatagramSocket phone = phoneAddress(port)) {
            busyCaller.awaitSuccess(RUN);
            String notify = awaitNotify(phone, "Voice-Message: 1/0");
            assertTrue(notify.contains("Messages-Waiting: yes"), notify);
        }

        Sipp rings = peer("bob-rings", "uas-ring.xml", "-p", Integer.toString(port));
        Sipp unanswered = leaveMessage("no-answer", BOB, 4500);
        rings.awaitSuccess(RUN);
        try (DatagramSocket phone = phoneAddress(port)) {
            unanswered.awaitSuccess(RUN);
            awaitNotify(phone, "Voice-Message: 2/0");
        }

        try (var in = VoicemailProductTest.class.getResourceAsStream("/sipp/register.xml")) {
            Files.writeString(work.resolve("unregister.xml"), new String(in.readAllBytes(),
                    StandardCharsets.ISO_8859_1).replace("Expires: 600", "Expires: 0"), StandardCharsets.ISO_8859_1);
        }
        peer(BOB + "-unregisters", "unregister.xml", "-p", Integer.toString(port), "-key", "domain", DOMAIN, "-key",
                "user", BOB, "-au", BOB, "-ap", BOB_PASSWORD, office.server.sipAddress()).awaitSuccess(RUN);
        leaveMessage("offline", BOB, 4500).awaitSuccess(RUN);

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

    @Test
    void rfc4733KeysFromSippOpenTheMenuAndEachActsOnce() throws Exception {
        menuByKeys(false);
    }

    @Test
    void inBandTonesFromSippOpenTheMenuAndEachActsOnce() throws Exception {
        menuByKeys(true);
    }

    /**
     * Two messages from alice wait for bob. Bob's phone (SIPp) dials the menu and presses, one key at a time: the
     * mailbox and PIN, {@code 1} (play the newest), {@code 9} (save it), {@code 6} (the next), {@code 7} (delete
     * it), {@code 3 2} (call its sender back). A key acted on twice would show: a second {@code 6} leaves the
     * messages (the {@code 7} then deletes nothing), a second {@code 7} restores the message, a doubled digit makes
     * the login fail.
     */
    private void menuByKeys(boolean inBand) throws Exception {
        tone(4);
        Sipp first = leaveMessage("first", BOB, 3000);
        Sipp second = leaveMessage("second", BOB, 3000);
        first.awaitSuccess(RUN);
        second.awaitSuccess(RUN);
        awaitMessages(office.server, BOB, 2);
        String token = office.api.login(BOB, BOB_PASSWORD);
        Api.Answer pin = office.api.put("/api/v1/me/voicemail/settings", token, "{\"pin\":\"2468\"}");
        assertEquals(200, pin.status(), pin.body().toString());
        List<JsonNode> before = mailbox(token);
        assertEquals(2, before.size(), before.toString());
        long newest = before.get(0).get("id").asLong();
        long older = before.get(1).get("id").asLong();

        List<DtmfFiles.Press> keys = new ArrayList<>(DtmfFiles.typed("3302#2468#", 1000, 300));
        keys.addAll(List.of(new DtmfFiles.Press('1', 6000), new DtmfFiles.Press('9', 8000),
                new DtmfFiles.Press('6', 10000), new DtmfFiles.Press('7', 12000), new DtmfFiles.Press('3', 14000),
                new DtmfFiles.Press('2', 15500)));
        String action;
        String formats;
        String events;
        if (inBand) {
            ulaw(DtmfFiles.tones(work.resolve("keys-pcm.wav"), keys, 17_000), work.resolve("keys.wav"));
            action = "rtp_stream=\"keys.wav,1,0\"";
            formats = "0";
            events = "";
        } else {
            DtmfFiles.pcap(work.resolve("keys.pcap"), 98, keys); // 98 as offered: not the usual 101
            action = "play_pcap_audio=\"keys.pcap\"";
            formats = "0 98";
            events = "      a=rtpmap:98 telephone-event/8000\n      a=fmtp:98 0-16";
        }
        String scenario = "uac-menu-" + (inBand ? "tones" : "events") + ".xml";
        try (var in = VoicemailProductTest.class.getResourceAsStream("/sipp/uac-menu.xml")) {
            Files.writeString(work.resolve(scenario), new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)
                    .replace("KEYS_ACTION", action).replace("SDP_FORMATS", formats).replace("SDP_EVENTS\n",
                            events.isEmpty() ? "" : events + "\n"), StandardCharsets.ISO_8859_1);
        }
        Sipp menu = peer("bob-menu", scenario, "-p", Integer.toString(Products.freeSipPort()), "-mp",
                Integer.toString(Products.freePortPair()), "-key", "domain", DOMAIN, "-key", "user", BOB, "-au", BOB,
                "-ap", BOB_PASSWORD, "-s", "8500", office.server.sipAddress());
        menu.awaitSuccess(RUN);

        String refer = menu.messages().lines().filter(l -> l.strip().startsWith("Refer-To:")).findFirst()
                .orElseThrow(() -> new AssertionError("no REFER reached bob's phone"));
        assertTrue(refer.contains("sip:" + ALICE + "@"), "3 2 calls the sender, alice, back: " + refer);
        List<JsonNode> after = mailbox(token);
        assertEquals(1, after.size(), "7 deleted the older message once (twice would restore it): " + after);
        assertEquals(newest, after.get(0).get("id").asLong());
        assertEquals("SAVED", after.get(0).get("folder").asText(), "9 saved the newest message");
        ProcessOutput log = office.server.output;
        assertEquals(1, log.count(Pattern.compile("Voicemail menu opened for mailbox bob")), "one login");
        assertEquals(0, log.count(Pattern.compile("Wrong voicemail PIN")), "mailbox and PIN were read right");
        assertEquals(1, log.count(Pattern.compile("Voicemail message " + newest + " of bob saved")));
        assertEquals(1, log.count(Pattern.compile("Voicemail message " + older + " of bob deleted")));
        assertEquals(0, log.count(Pattern.compile("Voicemail message \\d+ of bob restored")));
        assertEquals(1, log.count(Pattern.compile("Voicemail message " + older + " of bob: calling the sender alice")));
    }

    /** @return a socket on the address a phone registered, to hear what is sent to that phone */
    private static DatagramSocket phoneAddress(int port) throws Exception {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        socket.setSoTimeout(250);
        return socket;
    }

    /** Answers each request the phone's address receives with 200 and returns the first NOTIFY naming {@code text}. */
    private static String awaitNotify(DatagramSocket phone, String text) throws Exception {
        long deadline = System.nanoTime() + RUN.toNanos();
        byte[] buffer = new byte[8192];
        while (System.nanoTime() < deadline) {
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            try {
                phone.receive(in);
            } catch (SocketTimeoutException quiet) {
                continue;
            }
            String request = new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8);
            StringBuilder ok = new StringBuilder("SIP/2.0 200 OK\r\n");
            request.lines().filter(l -> l.matches("(?i)(via|from|to|call-id|cseq):.*"))
                    .forEach(l -> ok.append(l).append("\r\n"));
            byte[] answer = ok.append("Content-Length: 0\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8);
            phone.send(new DatagramPacket(answer, answer.length, in.getSocketAddress()));
            if (request.startsWith("NOTIFY ") && request.contains("Event: message-summary")
                    && request.contains(text)) {
                return request;
            }
        }
        throw new AssertionError("the registered phone got no message-summary NOTIFY with " + text);
    }

    /** @return the mailbox's messages (not deleted) as the API lists them, newest first */
    private List<JsonNode> mailbox(String token) throws Exception {
        Api.Answer a = office.api.get("/api/v1/me/voicemail", token);
        assertEquals(200, a.status(), a.body().toString());
        List<JsonNode> out = new ArrayList<>();
        a.body().forEach(out::add);
        return out;
    }

    /** Writes {@code seconds} of the tone as G.711 µ-law, the file the scenario streams. */
    private void tone(int seconds) throws Exception {
        ulaw(Tone.write(work.resolve("tone-pcm.wav"), HZ, seconds), work.resolve("tone.wav"));
    }

    /** Converts 16-bit PCM to the G.711 µ-law WAV SIPp's {@code rtp_stream} plays. */
    private static void ulaw(Path pcm, Path out) throws Exception {
        Process sox = new ProcessBuilder("sox", pcm.toString(), "-r", "8000", "-c", "1", "-e", "u-law",
                out.toString(), "vol", "0.5").redirectErrorStream(true).start();
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
