// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sohosip.sip.DigestCredentials;
import org.sohosip.sip.RegistrationOptions;
import org.sohosip.sip.RegistrationState;
import org.sohosip.sip.RegistrationStatus;
import org.sohosip.sip.SipEndpoint;
import org.sohosip.sip.SipIdentity;
import org.sohosip.sip.SipRegistration;
import org.sohosip.sip.SipUserAgent;
import org.sohosip.sip.SipUserAgents;
import org.sohosip.sip.Transport;
import org.sohosip.sip.UserAgentConfig;

/** Registration against sipp registrars that challenge with digest authentication. */
class SippRegistrationTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private SipUserAgent agent(int registrarPort, String password, Duration t1) {
        DigestCredentials creds = DigestCredentials.fromPassword("alice", "sohosip.local", password.toCharArray());
        SipUserAgent ua = SipUserAgents.create(
                UserAgentConfig.of("127.0.0.1").withTimers(t1, Duration.ofSeconds(20), Duration.ofSeconds(20)),
                new SipIdentity("sip:alice@sohosip.local", "Alice", creds,
                        new SipEndpoint("127.0.0.1", registrarPort, Transport.UDP)));
        open.add(ua);
        return ua;
    }

    private Sipp sipp(String scenario, int port) throws Exception {
        Sipp s = Sipp.start(scenario, port, null);
        open.add(s);
        return s;
    }

    @Test
    void registersWithMd5DigestRefreshesAsGrantedAndUnregistersOnClose() throws Exception {
        Sipp registrar = sipp("registrar-md5.xml", 0);
        SipUserAgent ua = agent(registrar.port, "secret", Duration.ofMillis(100));
        Events<RegistrationStatus> ev = new Events<>();
        SipRegistration reg = ua.register(RegistrationOptions.defaults(), ev::add);
        RegistrationStatus first = Recorder.await(ev, RegistrationState.REGISTERED, Duration.ofSeconds(10));
        long firstAt = System.nanoTime();
        assertEquals(Duration.ofSeconds(2), first.granted(), "the lifetime the registrar granted");
        assertEquals(200, first.statusCode());
        // the refresh comes before the 2 granted seconds run out, not after the hour asked for
        RegistrationStatus refreshed = Recorder.await(ev, RegistrationState.REGISTERED, Duration.ofSeconds(3));
        long refreshMillis = (System.nanoTime() - firstAt) / 1_000_000;
        assertEquals(Duration.ofSeconds(2), refreshed.granted());
        assertTrue(refreshMillis >= 700 && refreshMillis < 2000, "refreshed after " + refreshMillis + " ms");
        ua.close();
        registrar.assertSucceeded(); // sipp saw the REGISTER with Expires: 0, answered correctly
        assertEquals(RegistrationState.UNREGISTERED, reg.status().state());
    }

    @Test
    void prefersSha256WhenBothAreOffered() throws Exception {
        Sipp registrar = sipp("registrar-sha256.xml", 0);
        SipUserAgent ua = agent(registrar.port, "secret", Duration.ofMillis(100));
        Events<RegistrationStatus> ev = new Events<>();
        ua.register(RegistrationOptions.defaults(), ev::add);
        assertEquals(Duration.ofSeconds(60),
                Recorder.await(ev, RegistrationState.REGISTERED, Duration.ofSeconds(10)).granted());
        ua.close();
        registrar.assertSucceeded();
    }

    @Test
    void aStaleNonceIsAnsweredAgainWithoutFailing() throws Exception {
        Sipp registrar = sipp("registrar-stale.xml", 0);
        SipUserAgent ua = agent(registrar.port, "secret", Duration.ofMillis(100));
        Events<RegistrationStatus> ev = new Events<>();
        ua.register(RegistrationOptions.defaults(), ev::add);
        Recorder.await(ev, RegistrationState.REGISTERED, Duration.ofSeconds(10));
        assertFalse(ev.happened(s -> s.state() == RegistrationState.FAILED));
        ua.close();
        registrar.assertSucceeded();
    }

    @Test
    void wrongCredentialsFailWithoutEndlessRetries() throws Exception {
        Sipp registrar = sipp("registrar-refuse.xml", 0);
        SipUserAgent ua = agent(registrar.port, "not-the-password", Duration.ofMillis(100));
        Events<RegistrationStatus> ev = new Events<>();
        SipRegistration reg = ua.register(RegistrationOptions.defaults(), ev::add);
        RegistrationStatus failed = Recorder.await(ev, RegistrationState.FAILED, Duration.ofSeconds(10));
        assertEquals(401, failed.statusCode());
        registrar.assertSucceeded(); // exactly two REGISTERs, the second one with a wrong answer
        assertFalse(ev.arrives(s -> s.state() == RegistrationState.REGISTERING, Duration.ofSeconds(1)),
                "no new attempt after the credentials were refused");
    }

    @Test
    void registersAgainWithGrowingPausesAfterTheRegistrarWasUnreachable() throws Exception {
        int port = Sipp.freeUdpPort();
        // T1 = 20 ms: a REGISTER nobody answers times out after 64 × T1 = 1.3 s
        SipUserAgent ua = agent(port, "secret", Duration.ofMillis(20));
        record Stamped(long nanos, RegistrationState state) {
        }
        Events<Stamped> stamped = new Events<>();
        Events<RegistrationStatus> ev = new Events<>();
        SipRegistration reg = ua.register(new RegistrationOptions(Duration.ofSeconds(60), Duration.ofMillis(400),
                Duration.ofSeconds(2)), st -> {
                    stamped.add(new Stamped(System.nanoTime(), st.state()));
                    ev.add(st);
                });
        long[] pauses = new long[2];
        assertEquals(RegistrationState.REGISTERING, reg.status().state(), "the first try starts at once");
        for (int i = 0; i < 3; i++) {
            long lost = stamped.await(e -> e.state() == RegistrationState.NO_NETWORK, Duration.ofSeconds(10),
                    "loss " + i).nanos();
            if (i < 2) {
                long retry = stamped.await(e -> e.state() == RegistrationState.REGISTERING, Duration.ofSeconds(10),
                        "retry " + i).nanos();
                pauses[i] = (retry - lost) / 1_000_000;
            }
        }
        // the pause before each new try doubles: 400 ms, then 800 ms (timers never fire early; on a busy machine
        // they may fire late, so the upper bounds are loose)
        assertTrue(pauses[0] >= 390 && pauses[0] < 2000, "first pause " + pauses[0] + " ms");
        assertTrue(pauses[1] >= 790 && pauses[1] > pauses[0], "second pause " + pauses[1] + " ms");
        // the registrar comes up: the next try succeeds by itself
        Sipp registrar = sipp("registrar-plain.xml", port);
        Recorder.await(ev, RegistrationState.REGISTERED, Duration.ofSeconds(10));
        ua.close();
        registrar.assertSucceeded();
    }
}
