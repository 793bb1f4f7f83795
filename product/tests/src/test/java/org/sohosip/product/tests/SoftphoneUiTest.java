// SPDX-License-Identifier: EPL-2.0
package org.sohosip.product.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sohosip.product.tests.Office.ALICE;
import static org.sohosip.product.tests.Office.ALICE_PASSWORD;
import static org.sohosip.product.tests.Office.BOB;
import static org.sohosip.product.tests.Office.BOB_PASSWORD;
import static org.sohosip.product.tests.Office.DOMAIN;
import static org.sohosip.product.tests.Office.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The materialized client as alice on a real X display, and baresip as bob, both registered to the materialized
 * server: bob calls alice, the incoming-call window appears and alice answers with the keyboard; and alice calls
 * bob's extension from the Softphone perspective and hangs up with the keyboard (Alt+U) as soon as bob answered. Each
 * call connects through the proxy, the client's RTP reaches baresip, the hang-up reaches the other side, and the call
 * history shows the call. Screenshots of the incoming-call window and of each active call are kept in
 * {@code target/screenshots/}.
 * <p>
 * The client has no sound card here, so it sends silence: the test checks that baresip receives and decodes the
 * client's RTP stream, not a tone (tones both ways are checked with two baresips in {@link BaresipCallTest}).
 */
class SoftphoneUiTest {

    private static final Duration UI_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern ESTABLISHED = Pattern.compile("Call established");
    /**
     * baresip's line when the other side ended the call ("session closed: Connection reset by peer" for a BYE). Not
     * its "Call with ... terminated (duration ...)" line: baresip leaves that out for a call shorter than a second,
     * which a hang-up right after the answer is.
     */
    private static final Pattern ENDED = Pattern.compile("session closed");
    /** baresip's line when it hangs up itself. */
    private static final Pattern HUNG_UP = Pattern.compile("terminate call");
    private static final Pattern RTP_FROM_CLIENT = Pattern.compile("incoming rtp for 'audio' established");

    @TempDir
    Path work;

    /** What a test does with the logged-in client, bob's baresip and the screen. */
    private interface Session {
        void run(Office office, Baresip bob, Desktop desktop) throws Exception;
    }

    @Test
    void bobCallsAndAliceAnswersInTheIncomingCallWindow() throws Exception {
        withClient((office, bob, desktop) -> {
            bobCallsUntilTheClientRings(bob, desktop);
            desktop.screenshot("11-incoming-call");
            desktop.key("Return");
            assertTrue(bob.output.awaitCount(ESTABLISHED, 1, UI_TIMEOUT),
                    "alice answered but bob's call did not connect:\n" + bob.output.text());
            assertTrue(bob.output.awaitCount(RTP_FROM_CLIENT, 1, Duration.ofSeconds(10)),
                    "bob receives no RTP from the client:\n" + bob.output.text());
            desktop.awaitWindow("SOHOSIP — " + ALICE, UI_TIMEOUT);
            desktop.screenshot("12-answered-call");
            int hangUps = bob.output.count(HUNG_UP);
            bob.command("hangup", "");
            assertTrue(bob.output.awaitCount(HUNG_UP, hangUps + 1, UI_TIMEOUT), bob.output.text());
            // the call record is complete only when the proxy has seen bob's BYE answered
            office.awaitHistory(ALICE, ALICE_PASSWORD, entry("incoming", BOB, "answered"), "answered call from bob");
            office.awaitHistory(BOB, BOB_PASSWORD, entry("outgoing", ALICE, "answered"),
                    "bob's answered call to alice");
        });
    }

    @Test
    void aliceDialsBobsExtensionAndHangsUpWithTheKeyboard() throws Exception {
        withClient((office, bob, desktop) -> {
            desktop.type("3302");
            desktop.key("Return");
            assertTrue(bob.output.awaitCount(ESTABLISHED, 1, UI_TIMEOUT),
                    "alice dialled 3302 but bob's baresip did not answer:\n" + bob.output.text());
            assertTrue(bob.output.awaitCount(RTP_FROM_CLIENT, 1, Duration.ofSeconds(10)),
                    "bob receives no RTP from the client:\n" + bob.output.text());
            desktop.screenshot("13-outgoing-call");
            desktop.awaitWindow("SOHOSIP — " + ALICE, UI_TIMEOUT);
            desktop.key("alt+u");
            assertTrue(bob.output.awaitCount(ENDED, 1, UI_TIMEOUT),
                    "alice hung up but bob's call did not end:\n" + bob.output.text());
            office.awaitHistory(ALICE, ALICE_PASSWORD, entry("outgoing", BOB, "answered"), "answered call to bob");
            office.awaitHistory(BOB, BOB_PASSWORD, entry("incoming", ALICE, "answered"),
                    "bob's answered call from alice");
            desktop.screenshot("14-after-outgoing-call");
        });
    }

    /** Server, bob's baresip and the client logged in as alice in the Softphone perspective; all stopped after. */
    private void withClient(Session session) throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("sohosip.skipUiTests"), "UI tests skipped on request");
        assertTrue(System.getenv("DISPLAY") != null,
                "the client UI test needs a display: run releng/test (it provides Xvfb) or pass -DskipUiTests=true");
        Baresip.requireInstalled();
        Desktop desktop = new Desktop(Path.of(System.getProperty("sohosip.screenshots", "target/screenshots")));
        Path home = Files.createDirectories(work.resolve("client"));
        // baresip 1.0.0 refuses a 401/407 holding any algorithm but MD5 (see BaresipCallTest)
        try (Office office = Office.open(work.resolve("server"), "--set", "sip.auth.algorithms=MD5");
                Baresip bob = Baresip.start(work, BOB, BOB_PASSWORD, DOMAIN, office.server.sipAddress(),
                        Tone.write(work.resolve("bob-tone.wav"), 1300, 300), Duration.ofSeconds(240))) {
            bob.awaitRegistered(Duration.ofSeconds(20));
            ProcessBuilder pb = new ProcessBuilder(Products.clientScript().toString(), "-server",
                    office.server.baseUrl()).redirectErrorStream(true);
            pb.environment().putAll(Map.of("SOHOSIP_CLIENT_HOME", home.toString(), "SOHOSIP_CLIENT_VMARGS",
                    "-Xmx256m -Dsohosip.home=" + home + " -Duser.home=" + home));
            Process client = pb.start();
            ProcessOutput clientOut = new ProcessOutput(client.getInputStream(), "client");
            try {
                logIn(desktop);
                desktop.key("ctrl+shift+s");
                desktop.screenshot("10-softphone-perspective");
                session.run(office, bob, desktop);
                desktop.awaitWindow("SOHOSIP — " + ALICE, UI_TIMEOUT);
                desktop.key("ctrl+q");
                assertTrue(client.waitFor(30, TimeUnit.SECONDS), "the client did not exit on Ctrl+Q");
            } finally {
                if (client.isAlive()) {
                    client.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                System.out.println("client output:\n" + clientOut.text());
            }
        }
    }

    private static void logIn(Desktop desktop) throws Exception {
        desktop.awaitWindow("SOHOSIP Login", UI_TIMEOUT);
        desktop.key("Tab");
        desktop.type(ALICE);
        desktop.key("Tab");
        desktop.type(ALICE_PASSWORD);
        desktop.key("Return");
        desktop.awaitWindow("Trust server certificate", UI_TIMEOUT);
        desktop.key("Return");
        desktop.awaitWindow("SOHOSIP — " + ALICE, UI_TIMEOUT);
    }

    /**
     * The client registers a moment after login and nothing outside it shows when: bob dials alice until the
     * incoming-call window appears (until then the proxy answers 480 and bob's call ends by itself).
     */
    private static void bobCallsUntilTheClientRings(Baresip bob, Desktop desktop) throws Exception {
        long deadline = System.nanoTime() + UI_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            bob.command("dial", "sip:" + ALICE + "@" + DOMAIN);
            long ringBy = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < ringBy) {
                if (desktop.hasWindow("Incoming call")) {
                    desktop.awaitWindow("Incoming call", UI_TIMEOUT);
                    return;
                }
                Thread.sleep(100);
            }
            bob.command("hangup", "");
        }
        throw new AssertionError("the client never showed an incoming call from bob:\n" + bob.output.text());
    }
}
