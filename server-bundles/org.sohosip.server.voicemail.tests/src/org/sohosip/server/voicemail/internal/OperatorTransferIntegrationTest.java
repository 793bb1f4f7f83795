// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.sohosip.core.Account;
import org.sohosip.media.AudioSink;
import org.sohosip.server.proxy.CallApplication;
import org.sohosip.server.store.Credentials;
import org.sohosip.sip.LocalMedia;
import org.sohosip.sip.SipCall;
import org.sohosip.sip.SipCallListener;
import org.sohosip.sip.SipCallState;
import org.sohosip.sip.TransferRequest;

/**
 * "Press 0 for the operator" through the real proxy and voicemail: a SOHOSIP user agent that accepts transfers
 * calls a mailbox nobody answers, presses 0 (RFC 4733) while the greeting plays, and the voicemail's REFER makes it
 * call the operator's registered phone itself. Without an operator extension, 0 only cuts the greeting short.
 */
class OperatorTransferIntegrationTest {

    private static final String OPERATOR = "olivia";
    private static final String OPERATOR_EXTENSION = "3309";
    private static final String KEY = "voicemail.operatorExtension";
    /** Frames of sound (not silence) that show the greeting is playing. */
    private static final int GREETING_FRAMES = 10;

    private static VoicemailTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = VoicemailTestServer.get();
        if (server.accounts.findByUsername(OPERATOR).isEmpty()) {
            server.accounts.create(new Account(0, OPERATOR, "Olivia at the front desk", OPERATOR_EXTENSION, List.of(),
                    false, true), Credentials.derive(OPERATOR, VoicemailTestServer.DOMAIN,
                            VoicemailTestServer.password(OPERATOR)));
        }
    }

    @Test
    void zeroDuringTheGreetingTransfersTheCallerToTheOperator() throws Exception {
        long mailbox = server.account("carol").id();
        int messagesBefore = server.voicemail.messages(mailbox, null).size();
        List<SipCall> atOperator = new CopyOnWriteArrayList<>();
        List<TransferRequest> transfers = new CopyOnWriteArrayList<>();
        withOperatorExtension(OPERATOR_EXTENSION);
        try (TestPhone operator = new TestPhone(server, OPERATOR); TestPhone alice = new TestPhone(server, "alice")) {
            operator.register(new SipCallListener() {
                @Override
                public void incomingCall(SipCall call) {
                    atOperator.add(call);
                }
            });
            followTransfers(alice, transfers);
            SipCall toVoicemail = alice.dial("3303", server.audio.silence()); // carol has no phone registered
            pressDuringGreeting(alice, '0');

            VoicemailTestServer.await("the operator's phone rings", () -> !atOperator.isEmpty());
            SipCall ringing = atOperator.get(0);
            assertEquals("alice", ringing.remoteParty().user(), "the caller's own phone calls the operator");
            assertEquals("sip:" + OPERATOR_EXTENSION + "@" + VoicemailTestServer.DOMAIN, transfers.get(0).target());
            VoicemailTestServer.await("the call to voicemail ends", () -> toVoicemail.state() == SipCallState.ENDED);

            ringing.answer(new LocalMedia("127.0.0.1", operator.media.localAddress().getPort()));
            SipCall toOperator = alice.ua.telephony().calls().stream().filter(c -> c != toVoicemail).findFirst()
                    .orElseThrow();
            VoicemailTestServer.await("the caller reaches the operator",
                    () -> toOperator.state() == SipCallState.CONNECTED);
            toOperator.hangUp();
            VoicemailTestServer.await("the operator's call ends", () -> ringing.state() == SipCallState.ENDED);
        } finally {
            withOperatorExtension("");
        }
        assertEquals(messagesBefore, server.voicemail.messages(mailbox, null).size(),
                "a caller who went to the operator leaves no message");
    }

    @Test
    void zeroWithoutAnOperatorOnlyEndsTheGreeting() throws Exception {
        List<TransferRequest> transfers = new CopyOnWriteArrayList<>();
        try (TestPhone alice = new TestPhone(server, "alice")) {
            followTransfers(alice, transfers);
            SipCall call = alice.dial("3303", server.audio.silence());
            pressDuringGreeting(alice, '0');
            assertTrue(alice.awaitBeep(), "the beep follows: the caller can still leave a message");
            assertEquals(SipCallState.CONNECTED, call.state());
            assertTrue(transfers.isEmpty(), "no transfer was asked for");
            call.hangUp();
        }
    }

    /** Follows a transfer as a phone does: dials the target and hands the new call over. */
    private static void followTransfers(TestPhone phone, List<TransferRequest> seen) {
        phone.ua.transfers().addTransferListener((call, request) -> {
            seen.add(request);
            request.follow(phone.ua.telephony().dial(request.target(),
                    new LocalMedia("127.0.0.1", phone.media.localAddress().getPort())));
        });
    }

    /** Waits until the greeting is heard, then presses the key as an RFC 4733 event. */
    private static void pressDuringGreeting(TestPhone phone, char key) throws InterruptedException {
        AtomicInteger voiced = new AtomicInteger();
        phone.media.setSink(new AudioSink() {
            @Override
            public void write(short[] frame) {
                long energy = 0;
                for (short s : frame) {
                    energy += (long) s * s;
                }
                if (energy / frame.length > 10_000) {
                    voiced.incrementAndGet();
                }
                phone.beep.write(frame); // the beep detector keeps listening
            }
        });
        VoicemailTestServer.await("the greeting", () -> voiced.get() >= GREETING_FRAMES);
        phone.media.sendDtmf(key, Duration.ofMillis(160));
    }

    /** Sets (or with "" removes) the operator extension and waits until voicemail runs with it. */
    private static void withOperatorExtension(String extension) throws Exception {
        ConfigurationAdmin admin = server.service(ConfigurationAdmin.class);
        Configuration config = admin.getConfiguration(VoicemailComponent.PID, "?");
        Dictionary<String, Object> properties = config.getProperties();
        Object current = properties.get(KEY);
        if (extension.equals(current == null ? "" : current)) {
            return;
        }
        Dictionary<String, Object> changed = new Hashtable<>();
        for (String key : java.util.Collections.list(properties.keys())) {
            changed.put(key, properties.get(key));
        }
        changed.put(KEY, extension);
        long before = applicationId();
        config.update(changed);
        // voicemail restarts with a new configuration: its call application is registered anew
        VoicemailTestServer.await("voicemail with " + KEY + "=" + extension, () -> {
            long now = applicationId();
            return now != 0 && now != before;
        });
    }

    /** @return the service id of voicemail's call application, 0 while there is none */
    private static long applicationId() {
        try {
            for (ServiceReference<CallApplication> r : server.context.getServiceReferences(CallApplication.class,
                    null)) {
                return (Long) r.getProperty("service.id");
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return 0;
    }
}
