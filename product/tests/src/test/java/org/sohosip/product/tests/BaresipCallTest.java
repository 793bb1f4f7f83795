// SPDX-License-Identifier: EPL-2.0
package org.sohosip.product.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sohosip.product.tests.Office.ALICE;
import static org.sohosip.product.tests.Office.ALICE_PASSWORD;
import static org.sohosip.product.tests.Office.BOB;
import static org.sohosip.product.tests.Office.BOB_PASSWORD;
import static org.sohosip.product.tests.Office.DOMAIN;
import static org.sohosip.product.tests.Office.entry;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two baresip softphones registered to the materialized server call each other through its proxy, by extension,
 * and hear each other: each sends its own tone, and each one's recording of what it received holds the other's tone.
 * <p>
 * baresip 1.0.0 (libre 1.1) gives up on any 401/407 that holds a challenge other than MD5 ("Register: Function not
 * implemented"), even when an MD5 challenge comes first, so the server here offers MD5 only
 * ({@code sip.auth.algorithms=MD5}).
 */
class BaresipCallTest {

    private static final double ALICE_TONE = 800;
    private static final double BOB_TONE = 1300;

    @TempDir
    Path work;

    @Test
    void twoSoftphonesCallEachOtherByExtensionWithAudioBothWays() throws Exception {
        Baresip.requireInstalled();
        try (Office office = Office.open(work.resolve("server"), "--set", "sip.auth.algorithms=MD5");
                Baresip bob = Baresip.start(work, BOB, BOB_PASSWORD, DOMAIN, office.server.sipAddress(),
                        Tone.write(work.resolve("bob-tone.wav"), BOB_TONE, 60), Duration.ofSeconds(40))) {
            bob.awaitRegistered(Duration.ofSeconds(20));
            try (Baresip alice = Baresip.start(work, ALICE, ALICE_PASSWORD, DOMAIN, office.server.sipAddress(),
                    Tone.write(work.resolve("alice-tone.wav"), ALICE_TONE, 60), Duration.ofSeconds(12),
                    "/dial sip:3302@" + DOMAIN)) {
                alice.awaitEstablished(Duration.ofSeconds(20));
                bob.awaitEstablished(Duration.ofSeconds(5));
                alice.awaitExit(Duration.ofSeconds(40));
                // alice's hang-up reached bob through the proxy
                assertTrue(bob.output.await(java.util.regex.Pattern.compile("terminated"), Duration.ofSeconds(10))
                        .isPresent(), "bob's call did not end when alice hung up:\n" + bob.output.text());
                assertHears(alice, BOB_TONE, ALICE_TONE);
                assertHears(bob, ALICE_TONE, BOB_TONE);
            }
            office.awaitHistory(ALICE, ALICE_PASSWORD, entry("outgoing", BOB, "answered"),
                    "answered outgoing call to bob");
            office.awaitHistory(BOB, BOB_PASSWORD, entry("incoming", ALICE, "answered"),
                    "answered incoming call from alice");
        }
    }

    /** The listener's recording of its call holds the other side's tone, and not its own. */
    static void assertHears(Baresip listener, double theirs, double own) throws Exception {
        Path received = listener.receivedAudio().orElseThrow(() -> new AssertionError(
                listener.user + " recorded no received audio:\n" + listener.output.text()));
        double seconds = Tone.seconds(received);
        assertTrue(seconds >= 3, listener.user + " received only " + seconds + " s of audio");
        double heard = Tone.presence(received, theirs);
        assertTrue(heard >= 0.8, listener.user + " heard the other side's " + theirs + " Hz tone in only "
                + Math.round(heard * 100) + " % of the call");
        assertTrue(Tone.presence(received, own) < 0.05, listener.user + " received its own tone back");
    }
}
