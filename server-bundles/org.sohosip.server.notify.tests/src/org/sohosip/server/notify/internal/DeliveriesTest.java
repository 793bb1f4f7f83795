// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sohosip.server.notify.Notification;
import org.sohosip.server.notify.NotificationException;
import org.sohosip.server.notify.Notifier;

import ch.qos.logback.classic.Level;

/** Sending on own threads, retrying with backoff, giving up with an ERROR, and what the log never shows. */
class DeliveriesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<Duration> QUICK = Collections.nCopies(4, Duration.ofSeconds(1));

    @TempDir
    Path dir;

    private ScheduledThreadPoolExecutor executor;
    private LogCapture log;

    @BeforeEach
    void start() {
        executor = new ScheduledThreadPoolExecutor(2);
        log = new LogCapture();
    }

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        log.close();
    }

    @Test
    void theMailArrivesOnceTheMailServerComesUp() throws Exception {
        int port = Await.freePort();
        SmtpNotifier mail = new SmtpNotifier(new SmtpSettings("127.0.0.1", port, "voicemail@office.example", "pbx",
                "mail-Secret-9", true), (javax.net.ssl.SSLSocketFactory) javax.net.ssl.SSLSocketFactory.getDefault(),
                Notices.ZONE);
        new Deliveries(executor, QUICK).submit(mail, Notices.notice("alice@office.example", null, Notices.wav(2)));

        Await.until("the first failed attempt", WAIT, () -> log.has(Level.WARN, "failed (attempt 1)"));
        try (SmtpServer server = SmtpServer.start(dir, port, "--user", "pbx", "--password", "mail-Secret-9")) {
            assertEquals("alice@office.example", server.awaitMessage(WAIT).get("rcptTos").get(0).asText());
            Await.until("the success in the log", WAIT, () -> log.has(Level.INFO, "Sent the email notice"));
        }
        assertFalse(log.has(Level.ERROR, "Gave up"));
        assertFalse(log.all().contains("mail-Secret-9"), "the SMTP password never reaches the log");
    }

    @Test
    void theSmsArrivesOnceTheSmscComesUpAndAfterItDroppedTheSession() throws Exception {
        int port = Await.freePort();
        SmppNotifier sms = new SmppNotifier(new SmppSettings("127.0.0.1", port, "sohosip", "Smpp42!x",
                "8500"), Notices.ZONE);
        Deliveries deliveries = new Deliveries(executor, QUICK);
        try {
            deliveries.submit(sms, Notices.notice("+886912345678", null, Notices.wav(1)));
            Await.until("the first failed attempt", WAIT, () -> log.has(Level.WARN, "failed (attempt 1)"));
            try (Smsc smsc = new Smsc(port, "sohosip", "Smpp42!x")) {
                Await.until("the SMS at the SMSC", WAIT, () -> smsc.submitted().size() == 1);
                assertEquals("8500", smsc.submitted().get(0).getSourceAddr());
                smsc.dropSessions();
                deliveries.submit(sms, Notices.notice("+886912345678", null, Notices.wav(1)));
                Await.until("the second SMS after a new bind", WAIT, () -> smsc.submitted().size() == 2);
                assertEquals(2, smsc.binds());
            }
        } finally {
            sms.close();
        }
        assertFalse(log.all().contains("Smpp42!x"), "the SMPP password never reaches the log");
    }

    @Test
    void givesUpAfterTheLastRetryWithAnErrorNamingMailboxAndChannel() {
        AtomicInteger attempts = new AtomicInteger();
        Notifier down = notifier("chat", n -> {
            attempts.incrementAndGet();
            throw new NotificationException("chat server 127.0.0.1:9 refused the connection", null);
        });
        new Deliveries(executor, List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO))
                .submit(down, Notices.notice("alice", null, Notices.wav(1)));

        Await.until("the ERROR", WAIT, () -> log.has(Level.ERROR, "Gave up the chat notice"));
        assertEquals(4, attempts.get(), "the first attempt and one per pause");
        String error = log.events().stream().filter(e -> e.level() == Level.ERROR).findFirst().get().text();
        assertTrue(error.contains("mailbox alice") && error.contains("after 4 attempts")
                && error.contains("refused the connection"), error);
        assertEquals(3, log.events().stream().filter(e -> e.level() == Level.WARN).count());
    }

    @Test
    void aPermanentFailureIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        Notifier refusing = notifier("email", n -> {
            attempts.incrementAndGet();
            throw new NotificationException("550 no such user", false, null);
        });
        new Deliveries(executor, QUICK).submit(refusing, Notices.notice("nobody@office.example", null,
                Notices.wav(1)));
        Await.until("the ERROR", WAIT, () -> log.has(Level.ERROR, "after 1 attempt: 550 no such user"));
        assertEquals(1, attempts.get());
    }

    @Test
    void submitReturnsAtOnceWhileTheChannelIsSlow() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Notifier slow = notifier("sms", n -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();
        new Deliveries(executor, QUICK).submit(slow, Notices.notice("+886912345678", null, Notices.wav(1)));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        release.countDown();
        assertTrue(millis < 1000, "submit took " + millis + " ms");
        Await.until("the send", WAIT, () -> log.has(Level.INFO, "Sent the sms notice"));
    }

    @Test
    void retryPausesAreReadFromTheSetting() {
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMinutes(10)), Deliveries.parseDelays("5,30,120,600"));
        assertEquals(List.of(), Deliveries.parseDelays(" "));
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), Deliveries.parseDelays("1, 2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Deliveries.parseDelays("5s,30s"));
        assertTrue(e.getMessage().contains("notify.retrySeconds"));
    }

    /** What a test channel does with a notice. */
    @FunctionalInterface
    interface Send {
        void send(Notification n) throws NotificationException;
    }

    private static Notifier notifier(String channel, Send send) {
        return new Notifier() {
            @Override
            public String channel() {
                return channel;
            }

            @Override
            public void send(Notification n) throws NotificationException {
                send.send(n);
            }
        };
    }
}
