// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohosip.server.notify.NotificationException;

/** The SMS channel against a real SMSC (jSMPP's server side) on loopback. */
class SmppNotifierTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private int port;
    private Smsc smsc;
    private SmppNotifier sms;

    @BeforeEach
    void start() throws Exception {
        port = Await.freePort();
        smsc = new Smsc(port, "sohosip", "Smpp42!x");
        sms = notifier("Smpp42!x");
    }

    private SmppNotifier notifier(String password) {
        return new SmppNotifier(new SmppSettings("127.0.0.1", port, "sohosip", password, "SOHOSIP"), Notices.ZONE);
    }

    @AfterEach
    void stop() throws Exception {
        sms.close();
        smsc.close();
    }

    @Test
    void submitSmCarriesTheNoticeToTheNumberFromTheSource() throws Exception {
        sms.send(Notices.notice("+886912345678", "Bob Lin", Notices.wav(1)));

        Await.until("a submit_sm", WAIT, () -> smsc.submitted().size() == 1);
        SubmitSm sm = smsc.submitted().get(0);
        assertEquals("New voicemail from Bob Lin (0223456789) at 2026-11-26 14:05, 12 s",
                new String(sm.getShortMessage(), StandardCharsets.US_ASCII));
        assertEquals("886912345678", sm.getDestAddress());
        assertEquals(TypeOfNumber.INTERNATIONAL.value(), sm.getDestAddrTon());
        assertEquals(NumberingPlanIndicator.ISDN.value(), sm.getDestAddrNpi());
        assertEquals("SOHOSIP", sm.getSourceAddr());
        assertEquals(TypeOfNumber.ALPHANUMERIC.value(), sm.getSourceAddrTon());
        assertEquals(0, sm.getDataCoding(), "plain text in the SMSC's default alphabet");
        assertEquals(1, smsc.binds());
    }

    @Test
    void oneSessionServesSeveralNotices() throws Exception {
        for (int i = 0; i < 3; i++) {
            sms.send(Notices.notice("0912345678", null, Notices.wav(1)));
        }
        Await.until("three submit_sm", WAIT, () -> smsc.submitted().size() == 3);
        assertEquals(1, smsc.binds(), "the transmitter session is kept between notices");
        assertEquals("0912345678", smsc.submitted().get(2).getDestAddress());
        assertEquals(TypeOfNumber.UNKNOWN.value(), smsc.submitted().get(2).getDestAddrTon());
    }

    @Test
    void bindsAgainAfterTheSmscDroppedTheSession() throws Exception {
        sms.send(Notices.notice("+886912345678", null, Notices.wav(1)));
        smsc.dropSessions();
        // The client may or may not have seen the connection close yet; if not, this attempt fails as retryable
        // and the next one binds again, exactly as the dispatcher's retry would.
        try {
            sms.send(Notices.notice("+886912345678", null, Notices.wav(1)));
        } catch (NotificationException e) {
            assertTrue(e.retryable(), e::getMessage);
            sms.send(Notices.notice("+886912345678", null, Notices.wav(1)));
        }
        Await.until("the second submit_sm", WAIT, () -> smsc.submitted().size() == 2);
        assertEquals(2, smsc.binds());
    }

    @Test
    void refusedLoginIsRetryableAndDoesNotShowThePassword() throws Exception {
        sms.close();
        sms = notifier("Wrong7!p");
        NotificationException e = assertThrows(NotificationException.class,
                () -> sms.send(Notices.notice("+886912345678", null, Notices.wav(1))));
        assertTrue(e.retryable(), "an administrator may fix the password while the notice waits");
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e::getMessage);
        assertFalse(e.getMessage().contains("Wrong7!p"), e::getMessage);
        assertEquals(1, smsc.refusedBinds());
        assertTrue(smsc.submitted().isEmpty());
    }

    @Test
    void aPasswordLongerThanSmppAllowsIsRefusedBeforeBindingAndNeverLogged() throws Exception {
        sms.close();
        try (LogCapture log = new LogCapture()) {
            sms = notifier("Too-Long-Secret-11");
            NotificationException e = assertThrows(NotificationException.class,
                    () -> sms.send(Notices.notice("+886912345678", null, Notices.wav(1))));
            assertFalse(e.retryable(), "only a new setting helps");
            assertTrue(e.getMessage().contains("notify.smpp.password"), e::getMessage);
            sms.close();
            sms = notifier("Wrong7!p");
            assertThrows(NotificationException.class,
                    () -> sms.send(Notices.notice("+886912345678", null, Notices.wav(1))));
            assertFalse(log.all().contains("Too-Long-Secret-11") || log.all().contains("Wrong7!p"), log::all);
        }
        assertEquals(1, smsc.refusedBinds(), "the overlong password never went out");
    }

    @Test
    void callerNameBeyondAsciiTravelsAsUcs2() throws Exception {
        sms.send(Notices.notice("+886912345678", "林小明", Notices.wav(1)));
        Await.until("a submit_sm", WAIT, () -> smsc.submitted().size() == 1);
        SubmitSm sm = smsc.submitted().get(0);
        assertEquals(Alphabet.ALPHA_UCS2.value(), sm.getDataCoding());
        assertEquals("New voicemail from 林小明 (0223456789) at 2026-11-26 14:05, 12 s",
                new String(sm.getShortMessage(), StandardCharsets.UTF_16BE));
    }

    @Test
    void aNameIsNotAPhoneNumber() {
        NotificationException e = assertThrows(NotificationException.class,
                () -> sms.send(Notices.notice("alice@example.com", null, Notices.wav(1))));
        assertFalse(e.retryable());
        assertEquals(0, smsc.binds(), "nothing is sent for an address no SMSC can deliver to");
    }
}
