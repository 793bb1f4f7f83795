// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sohosip.client.core.tests.PhoneFixture.await;
import static org.sohosip.client.core.tests.PhoneFixture.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sohosip.client.core.Call;
import org.sohosip.client.core.CallControls;
import org.sohosip.client.core.CallHold;
import org.sohosip.client.core.CallState;
import org.sohosip.client.core.PhoneRegistration;
import org.sohosip.client.core.RegistrationState;
import org.sohosip.client.core.SessionService;
import org.sohosip.client.core.Telephony;
import org.sohosip.client.core.internal.phone.EndpointAudio;
import org.sohosip.client.core.internal.phone.PhoneSettings;
import org.sohosip.client.core.internal.phone.SipAccount;
import org.sohosip.client.core.internal.phone.Softphone;
import org.sohosip.media.AudioEndpoints;
import org.sohosip.media.MediaSessions;
import org.sohosip.sip.RegistrationOptions;

/**
 * The softphone as the UI gets it: services that follow the login session, and its honesty about the sound
 * devices on this machine (which has none).
 */
class SoftphoneComponentTest {

    @TempDir
    Path dir;
    private Peer registrar;
    private Peer peer;
    private CannedServer server;
    private Softphone phone;

    @AfterEach
    void stop() {
        try {
            service(SessionService.class).logout();
        } catch (Exception e) {
            // nothing to log out from
        }
        for (AutoCloseable c : new AutoCloseable[] { phone, peer, registrar, server }) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort
            }
        }
    }

    @Test
    void oneComponentOffersAllFourServices() throws Exception {
        Telephony t = service(Telephony.class);
        assertSame(t, service(PhoneRegistration.class));
        assertSame(t, service(CallHold.class));
        assertSame(t, service(CallControls.class));
    }

    @Test
    void registersAfterLoginAndUnregistersAtLogout() throws Exception {
        System.setProperty("sohosip.home", dir.resolve("home").toString());
        int port = Peer.freeUdpPort();
        registrar = Peer.sipp(dir, "registrar", Scenarios.registrar("bob", CannedServer.PASSWORD), port);
        server = new CannedServer(TestCertificates.generate(java.nio.file.Files.createDirectories(dir.resolve("certs")), "pbx"));
        server.sipPort = port;
        PhoneRegistration registration = service(PhoneRegistration.class);
        SessionService session = service(SessionService.class);
        session.login(server.uri(), "bob", CannedServer.PASSWORD.toCharArray(), c -> true);
        await("registered after login", () -> registration.state() == RegistrationState.REGISTERED);
        await("a refresh", Duration.ofSeconds(10), () -> count(registrar, "REGISTER sip:") >= 3);
        session.logout();
        await("unregistered after logout", () -> registration.state() == RegistrationState.UNREGISTERED);
        assertEquals(0, registrar.waitFor(Duration.ofSeconds(20)),
                "the registrar must have seen the binding removed:\n" + registrar.messages());
    }

    @Test
    void endedSessionRemovesTheRegistration() throws Exception {
        System.setProperty("sohosip.home", dir.resolve("home").toString());
        int port = Peer.freeUdpPort();
        registrar = Peer.sipp(dir, "registrar", Scenarios.registrar("bob", CannedServer.PASSWORD), port);
        server = new CannedServer(TestCertificates.generate(java.nio.file.Files.createDirectories(dir.resolve("certs")), "pbx"));
        server.sipPort = port;
        // the server will end the session: the token refresh (after four fifths of 4 s) is refused
        server.tokenLife = Duration.ofSeconds(4);
        server.refreshStatus = 401;
        PhoneRegistration registration = service(PhoneRegistration.class);
        service(SessionService.class).login(server.uri(), "bob", CannedServer.PASSWORD.toCharArray(), c -> true);
        await("registered after login", () -> registration.state() == RegistrationState.REGISTERED);
        await("unregistered after the session ended", () -> registration.state() == RegistrationState.UNREGISTERED);
        assertTrue(registration.detail().contains("session has ended"), registration.detail());
        await("the binding removed at the registrar", () -> text(registrar, true).matches(
                "(?s).*REGISTER sip:.*xpires(: *|=)0\\D.*"));
    }

    @Test
    void serverWithoutTelephonySaysSoInsteadOfRegistering() throws Exception {
        System.setProperty("sohosip.home", dir.resolve("home").toString());
        server = new CannedServer(TestCertificates.generate(java.nio.file.Files.createDirectories(dir.resolve("certs")), "pbx"));
        server.sipPort = 0;
        PhoneRegistration registration = service(PhoneRegistration.class);
        service(SessionService.class).login(server.uri(), "bob", CannedServer.PASSWORD.toCharArray(), c -> true);
        await("failed", () -> registration.state() == RegistrationState.FAILED);
        assertTrue(registration.detail().contains("does not offer telephony"), registration.detail());
    }

    @Test
    void noSoundDeviceIsSaidPlainlyAndCallsStillConnectWithASilentMicrophone() throws Exception {
        Telephony t = service(Telephony.class);
        String problem = t.audioProblem().orElseThrow(() -> new AssertionError(
                "this machine has no sound card: audioProblem() must say so"));
        assertTrue(problem.contains("Calls still connect"), problem);
        // the same sound devices the component uses, in a phone calling a peer directly
        phone = new Softphone(service(MediaSessions.class), new EndpointAudio(service(AudioEndpoints.class)),
                new PhoneSettings(false, false, RegistrationOptions.defaults(), 0, Duration.ofMillis(100)));
        phone.start(new SipAccount("bob", "Bob", "sohosip.local", "127.0.0.1", 5060, List.of("udp"),
                "00000000000000000000000000000000", ""));
        int port = Peer.freeUdpPort();
        peer = Peer.baresip(dir, "peer", port, Peer.wav(dir, "peer", 1000, 30), 25);
        await("baresip ready", () -> text(peer).contains("ready"));
        Call call = phone.dial("sip:peer@127.0.0.1:" + port);
        await("connected", () -> call.state() == CallState.ACTIVE);
        // baresip prints its audio bit rates as sent/received: it must receive our (silent) packets
        Pattern rates = Pattern.compile("audio=\\d+/([1-9]\\d*)");
        await("baresip receives audio", Duration.ofSeconds(15), () -> rates.matcher(text(peer)).find());
        Matcher m = rates.matcher(text(peer));
        assertTrue(m.find());
        call.hangUp();
        await("ended", () -> call.state() == CallState.ENDED);
    }

    private static String text(Peer p, boolean messages) {
        try {
            return messages ? p.messages() : p.output();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static String text(Peer p) {
        try {
            return p.output();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static int count(Peer p, String s) {
        return p.count(s);
    }
}
