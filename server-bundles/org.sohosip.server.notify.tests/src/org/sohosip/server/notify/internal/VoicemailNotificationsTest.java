// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Stream;

import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.sohosip.core.Account;
import org.sohosip.core.api.MailboxSettingsChange;
import org.sohosip.core.api.VoicemailMessage;
import org.sohosip.server.notify.Notifier;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.Credentials;
import org.sohosip.server.store.VoicemailAudio;
import org.sohosip.server.store.VoicemailRecording;
import org.sohosip.server.store.VoicemailStore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The whole path as in the server: the real store (Derby) records a message, tells its listeners, and the
 * notification components, started by their ConfigAdmin configuration, send the SMS to a real SMSC and the e-mail
 * with the recording to a real SMTP server, both on loopback.
 */
class VoicemailNotificationsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SMPP_PASSWORD = "Smpp42!x";
    private static final String SMTP_PASSWORD = "mail-Secret-9";

    @TempDir
    Path dir;

    private final BundleContext context = FrameworkUtil.getBundle(VoicemailNotificationsTest.class)
            .getBundleContext();
    private Configuration storeConfig;
    private Configuration notifyConfig;
    private Hashtable<String, Object> notify;
    private Path dataDir;
    private Smsc smsc;
    private SmtpServer mail;
    private LogCapture log;

    @BeforeEach
    void start() throws Exception {
        log = new LogCapture();
        int smppPort = Await.freePort();
        smsc = new Smsc(smppPort, "sohosip", SMPP_PASSWORD);
        mail = SmtpServer.start(dir, Await.freePort(), "--user", "pbx", "--password", SMTP_PASSWORD);
        dataDir = Files.createTempDirectory("sohosip-notify-store-");
        ConfigurationAdmin admin = service(ConfigurationAdmin.class, Duration.ofSeconds(10));

        Hashtable<String, Object> store = new Hashtable<>();
        store.put("dataDir", dataDir.toString());
        store.put("db.host", "127.0.0.1");
        store.put("db.port", Await.freePort());
        storeConfig = admin.getConfiguration("org.sohosip.server.store", "?");
        storeConfig.update(store);

        // As the server application publishes them: every value a string from the configuration file.
        Hashtable<String, Object> notify = new Hashtable<>();
        notify.put("dataDir", dataDir.toString());
        notify.put("notify.smpp.host", "127.0.0.1");
        notify.put("notify.smpp.port", Integer.toString(smppPort));
        notify.put("notify.smpp.systemId", "sohosip");
        notify.put("notify.smpp.password", SMPP_PASSWORD);
        notify.put("notify.smpp.sourceAddress", "8500");
        notify.put("notify.smtp.host", "127.0.0.1");
        notify.put("notify.smtp.port", Integer.toString(mail.port()));
        notify.put("notify.smtp.from", "voicemail@office.example");
        notify.put("notify.smtp.username", "pbx");
        notify.put("notify.smtp.password", SMTP_PASSWORD);
        notify.put("notify.smtp.starttls", "true");
        notify.put("notify.retrySeconds", "1,1,1");
        notifyConfig = admin.getConfiguration(NotifyComponent.PID, "?");
        notifyConfig.update(notify);
        this.notify = notify;
    }

    @AfterEach
    void stop() throws Exception {
        try {
            notifyConfig.delete();
            storeConfig.delete();
            Await.until("the store to stop", WAIT, () -> context.getServiceReference(VoicemailStore.class) == null);
            mail.close();
            smsc.close();
        } finally {
            log.close();
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void aNewMessageIsAnnouncedBySmsAndByMailWithTheRecording() throws Exception {
        VoicemailStore voicemail = service(VoicemailStore.class, WAIT);
        AccountStore accounts = service(AccountStore.class, WAIT);
        Await.until("both channels", WAIT, () -> channels().size() == 2);

        long quiet = accounts.create(new Account(0, "dave", "Dave", "3304", List.of(), false, true),
                Credentials.derive("dave", "sohosip.local", "password-dave")).id();
        long carol = accounts.create(new Account(0, "carol", "Carol", "3303", List.of(), false, true),
                Credentials.derive("carol", "sohosip.local", "password-carol")).id();
        voicemail.updateSettings(carol, new MailboxSettingsChange(null, null, null, true, "+886912345678", true,
                "carol@office.example"));

        deposit(voicemail, quiet, 2500);
        long start = System.nanoTime();
        VoicemailMessage message = deposit(voicemail, carol, 3000);
        long depositMillis = (System.nanoTime() - start) / 1_000_000;

        Await.until("the SMS", WAIT, () -> !smsc.submitted().isEmpty());
        SubmitSm sms = smsc.submitted().get(0);
        String text = new String(sms.getShortMessage(), StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("New voicemail from Bob Lin (3301) at ") && text.endsWith(", 3 s"), text);
        assertEquals("886912345678", sms.getDestAddress());
        assertEquals("8500", sms.getSourceAddr());

        JsonNode m = mail.awaitMessage(WAIT);
        assertEquals("carol@office.example", m.get("rcptTos").get(0).asText());
        assertEquals("New voicemail from Bob Lin (3301)", m.get("subject").asText());
        JsonNode attachment = m.get("attachments").get(0);
        byte[] wav = wavOf(voicemail.audio(carol, message.id()).orElseThrow());
        assertEquals(wav.length, attachment.get("size").asInt());
        assertEquals(Notices.sha256(wav), attachment.get("sha256").asText(), "the attachment is the stored WAV");

        assertEquals(1, smsc.submitted().size(), "dave turned no channel on: no SMS for his message");
        assertEquals(1, mail.messages().size(), "dave turned no channel on: no mail for his message");
        System.out.println("[FIGURE] deposit of a 3 s message with SMS and e-mail notices: " + depositMillis
                + " ms until finish() returned");
        assertFalse(log.all().contains(SMPP_PASSWORD) || log.all().contains(SMTP_PASSWORD),
                "no password in the log");
    }

    @Test
    void anEmptySmscHostTurnsSmsOffAndMailboxesAskingForItAreWarnedAbout() throws Exception {
        VoicemailStore voicemail = service(VoicemailStore.class, WAIT);
        AccountStore accounts = service(AccountStore.class, WAIT);
        Await.until("both channels", WAIT, () -> channels().size() == 2);
        notify.put("notify.smpp.host", "");
        notifyConfig.update(notify);
        Await.until("only the e-mail channel", WAIT, () -> channels().equals(List.of(Notifier.EMAIL)));

        long erin = accounts.create(new Account(0, "erin", "Erin", "3305", List.of(), false, true),
                Credentials.derive("erin", "sohosip.local", "password-erin")).id();
        voicemail.updateSettings(erin, new MailboxSettingsChange(null, null, null, true, "+886912345678", true,
                "erin@office.example"));
        deposit(voicemail, erin, 2500);

        assertEquals("erin@office.example", mail.awaitMessage(WAIT).get("rcptTos").get(0).asText());
        Await.until("the warning", WAIT, () -> log.has(ch.qos.logback.classic.Level.WARN,
                "Mailbox erin asks for SMS notices, but the server has no SMS channel (notify.smpp.host"));
        assertTrue(log.has(ch.qos.logback.classic.Level.INFO, "SMS notices are off (notify.smpp.host is empty)"));
        assertTrue(smsc.submitted().isEmpty());
        assertEquals(0, smsc.binds());
    }

    private static VoicemailMessage deposit(VoicemailStore store, long mailbox, int millis) {
        VoicemailRecording r = store.startRecording(mailbox, "3301", "Bob Lin", false, Instant.now());
        byte[] pcm = tone(millis);
        for (int at = 0; at < pcm.length; at += 320) {
            r.append(pcm, at, Math.min(320, pcm.length - at));
        }
        return r.finish();
    }

    private static byte[] tone(int millis) {
        ByteBuffer pcm = ByteBuffer.allocate(millis * 16).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < millis * 8; i++) {
            pcm.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0)));
        }
        return pcm.array();
    }

    private static byte[] wavOf(VoicemailAudio audio) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = audio.open(0, audio.length() - 1)) {
            in.transferTo(out);
        }
        return out.toByteArray();
    }

    private List<String> channels() {
        try {
            return context.getServiceReferences(Notifier.class, null).stream()
                    .map(r -> String.valueOf(r.getProperty("channel"))).sorted().toList();
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T service(Class<T> type, Duration timeout) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T s = tracker.waitForService(timeout.toMillis());
        if (s == null) {
            throw new AssertionError(type.getSimpleName() + " did not appear within " + timeout);
        }
        return s;
    }
}
