// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sohosip.client.core.tests.PhoneFixture.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sohosip.client.core.ClientException;
import org.sohosip.client.core.RegistrationState;

/** Registration against a real registrar (sipp) on loopback: digest, refresh, removal, refusal, lost registrar. */
class RegistrationTest {

    @TempDir
    Path dir;
    private PhoneFixture fixture;
    private Peer registrar;

    @BeforeEach
    void start() throws Exception {
        fixture = new PhoneFixture(true, false);
    }

    @AfterEach
    void stop() {
        fixture.close();
        if (registrar != null) {
            registrar.close();
        }
    }

    private List<String> registrationEvents() {
        return fixture.events.stream().filter(e -> e.startsWith("registration:")).map(e -> e.substring(13))
                .distinct().toList();
    }

    @Test
    void registersWithDigestRefreshesAndRemovesTheBindingWhenStopped() throws Exception {
        int port = Peer.freeUdpPort();
        registrar = Peer.sipp(dir, "registrar", Scenarios.registrar(PhoneFixture.USER, PhoneFixture.PASSWORD), port);
        fixture.start(port, PhoneFixture.PASSWORD);
        await("registered", () -> fixture.phone.state() == RegistrationState.REGISTERED);
        assertTrue(fixture.phone.detail().contains("Registered as bob"), fixture.phone.detail());
        // the registrar granted 2 s: a refresh must follow without anyone asking
        await("a refresh", Duration.ofSeconds(10), () -> registrar.count("REGISTER sip:") >= 3);
        assertEquals(RegistrationState.REGISTERED, fixture.phone.state());
        fixture.phone.stop("Not registered: logged out.");
        assertEquals(RegistrationState.UNREGISTERED, fixture.phone.state());
        assertEquals(0, registrar.waitFor(Duration.ofSeconds(20)),
                "the registrar must have seen the digest, the refresh and the removal (expires 0):\n"
                        + registrar.messages());
        await("listeners told", () -> registrationEvents().contains("UNREGISTERED"));
        assertEquals(List.of("REGISTERING", "REGISTERED", "UNREGISTERED"), registrationEvents());
    }

    @Test
    void wrongCredentialsFailWithASentenceForPeople() throws Exception {
        int port = Peer.freeUdpPort();
        registrar = Peer.sipp(dir, "registrar", Scenarios.registrar(PhoneFixture.USER, PhoneFixture.PASSWORD), port);
        fixture.start(port, "not-the-password");
        await("refused", () -> fixture.phone.state() == RegistrationState.FAILED);
        assertTrue(fixture.phone.detail().contains("refused the registration (403"), fixture.phone.detail());
        ClientException e = assertThrows(ClientException.class, () -> fixture.phone.dial("3302"));
        assertTrue(e.getMessage().contains("cannot call"), e.getMessage());
    }

    @Test
    void silentRegistrarMeansNoNetworkAndTheRegistrationComesBackWithIt() throws Exception {
        int port = Peer.freeUdpPort();
        fixture.start(port, PhoneFixture.PASSWORD);
        await("no network", Duration.ofSeconds(20), () -> fixture.phone.state() == RegistrationState.NO_NETWORK);
        assertTrue(fixture.phone.detail().contains("does not answer"), fixture.phone.detail());
        registrar = Peer.sipp(dir, "registrar", Scenarios.registrar(PhoneFixture.USER, PhoneFixture.PASSWORD), port);
        await("registered again", Duration.ofSeconds(30),
                () -> fixture.phone.state() == RegistrationState.REGISTERED);
    }
}
