// SPDX-License-Identifier: EPL-2.0
package org.sohosip.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sohosip.product.tests.Office.ALICE;
import static org.sohosip.product.tests.Office.ALICE_PASSWORD;
import static org.sohosip.product.tests.Office.BOB;
import static org.sohosip.product.tests.Office.BOB_PASSWORD;
import static org.sohosip.product.tests.Office.DOMAIN;
import static org.sohosip.product.tests.Office.entry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * SIPp, a real SIP peer, against the materialized server's registrar and proxy: registration with digest
 * authentication, calls through the proxy to a registered SIPp answering, ringing or busy, an unknown target and a
 * call without credentials; after each, the call history both people see through the API.
 * <p>
 * SIPp 3.6 answers only the first digest challenge of a 401/407 and knows no algorithm but MD5, so the server here
 * offers MD5 first ({@code sip.auth.algorithms=MD5,SHA-256}); with the default order (SHA-256 first, as RFC 8760
 * recommends) SIPp gives up with "authentication must use MD5". SHA-256 is still offered and tested.
 */
class SipCallsTest {

    private static final Duration RUN = Duration.ofSeconds(40);

    @TempDir
    Path work;

    private Office office;
    private final List<Sipp> peers = new ArrayList<>();

    @BeforeEach
    void openOffice() throws Exception {
        Sipp.requireInstalled();
        // Busy, ringing and unknown callees answer as they are here, not through voicemail (VoicemailProductTest).
        office = Office.open(work.resolve("server"), "--set", "sip.auth.algorithms=MD5,SHA-256", "--set",
                "voicemail.enabled=false");
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

    @Test
    void registrationWithMd5Digest() throws Exception {
        int port = Products.freeSipPort();
        Sipp reg = register(BOB, BOB_PASSWORD, port);
        assertTrue(DigestChallenge.withAlgorithm(reg.messages(), "MD5").isPresent(),
                "the 401 offers no MD5 challenge:\n" + reg.messages());
        assertTrue(reg.messages().contains("SIP/2.0 200 OK"), reg.messages());
        // the binding works: a call to bob reaches the address SIPp registered
        Sipp uas = peer("bob-answers", "uas-answer.xml", "-p", Integer.toString(port));
        call("alice-calls", "uac-answered.xml", BOB).awaitSuccess(RUN);
        uas.awaitSuccess(RUN);
    }

    /**
     * SIPp 3.6 computes MD5 digests only, so the test answers the server's SHA-256 challenge itself: SIPp sends the
     * REGISTER and receives the 401 with the challenges, the test computes the SHA-256 digest (RFC 8760) from the
     * challenge it read, and SIPp sends the second REGISTER of the same registration with it.
     */
    @Test
    void registrationWithSha256Digest() throws Exception {
        int port = Products.freeSipPort();
        String callId = "sha256-" + System.nanoTime() + "@127.0.0.1";
        Sipp challenge = peer("bob-challenge", "register-challenge.xml", "-m", "1", "-p", Integer.toString(port),
                "-key", "domain", DOMAIN, "-key", "user", BOB, "-cid_str", callId, office.server.sipAddress());
        challenge.awaitSuccess(RUN);
        DigestChallenge sha256 = DigestChallenge.withAlgorithm(challenge.messages(), "SHA-256")
                .orElseThrow(() -> new AssertionError("the 401 offers no SHA-256 challenge:\n" + challenge.report()));
        assertEquals(DOMAIN, sha256.realm());

        String right = sha256.answer(BOB, BOB_PASSWORD, "REGISTER", "sip:" + DOMAIN, 1, "6b8b4567");
        Sipp accepted = answer("bob-right", port, callId, 2, right);
        assertTrue(accepted.messages().contains("SIP/2.0 200"),
                "the right SHA-256 digest was not accepted:\n" + accepted.report());
        // the server checks the digest: the same challenge answered with a wrong password is refused
        String wrong = sha256.answer(BOB, "not-bobs-password", "REGISTER", "sip:" + DOMAIN, 2, "0a4f113b");
        Sipp refused = answer("bob-wrong", port, callId, 3, wrong);
        assertTrue(refused.messages().contains("SIP/2.0 401") || refused.messages().contains("SIP/2.0 403"),
                "a wrong SHA-256 digest was not refused:\n" + refused.report());
        assertFalse(refused.messages().contains("SIP/2.0 200"), refused.report());

        Sipp uas = peer("bob-answers", "uas-answer.xml", "-p", Integer.toString(port));
        call("alice-calls", "uac-answered.xml", BOB).awaitSuccess(RUN);
        uas.awaitSuccess(RUN);
    }

    @Test
    void anAnsweredCallGoesThroughTheProxyAndEndsWithBye() throws Exception {
        int port = Products.freeSipPort();
        register(BOB, BOB_PASSWORD, port);
        Sipp uas = peer("bob-answers", "uas-answer.xml", "-p", Integer.toString(port));
        call("alice-calls", "uac-answered.xml", BOB).awaitSuccess(RUN);
        uas.awaitSuccess(RUN);
        String proxyVia = "Via: SIP/2.0/UDP " + office.server.sipAddress();
        String byeAtBob = uas.messages().substring(uas.messages().indexOf("BYE sip:"));
        assertTrue(byeAtBob.contains(proxyVia), "the BYE did not come through the proxy (Record-Route):\n" + byeAtBob);

        List<JsonNode> alice = office.awaitHistory(ALICE, ALICE_PASSWORD, entry("outgoing", BOB, "answered"),
                "answered outgoing call to bob");
        JsonNode call = alice.get(0);
        assertFalse(call.path("answer").isNull(), call.toString());
        assertTrue(call.path("durationSeconds").asLong() <= 10, call.toString());
        office.awaitHistory(BOB, BOB_PASSWORD, entry("incoming", ALICE, "answered"),
                "answered incoming call from alice");
    }

    @Test
    void theCallerCancelsWhileTheExtensionRings() throws Exception {
        int port = Products.freeSipPort();
        register(BOB, BOB_PASSWORD, port);
        Sipp uas = peer("bob-rings", "uas-ring.xml", "-p", Integer.toString(port));
        call("alice-cancels", "uac-cancel.xml", "3302").awaitSuccess(RUN);
        uas.awaitSuccess(RUN);
        office.awaitHistory(ALICE, ALICE_PASSWORD, entry("outgoing", BOB, "cancelled"),
                "cancelled outgoing call to bob");
        office.awaitHistory(BOB, BOB_PASSWORD, entry("incoming", ALICE, "missed"), "missed call from alice");
    }

    @Test
    void aBusyCalleeAnswers486() throws Exception {
        int port = Products.freeSipPort();
        register(BOB, BOB_PASSWORD, port);
        Sipp uas = peer("bob-busy", "uas-busy.xml", "-p", Integer.toString(port));
        call("alice-calls-busy", "uac-busy.xml", BOB).awaitSuccess(RUN);
        uas.awaitSuccess(RUN);
        office.awaitHistory(ALICE, ALICE_PASSWORD, entry("outgoing", BOB, "busy"), "busy outgoing call to bob");
        office.awaitHistory(BOB, BOB_PASSWORD, entry("incoming", ALICE, "busy"), "busy incoming call from alice");
    }

    @Test
    void anUnknownTargetGets404() throws Exception {
        call("alice-calls-nobody", "uac-unknown.xml", "nobody").awaitSuccess(RUN);
        office.awaitHistory(ALICE, ALICE_PASSWORD, entry("outgoing", "nobody", "failed"),
                "failed outgoing call to nobody");
    }

    @Test
    void anInviteWithoutCredentialsIsRejectedAndReachesNobody() throws Exception {
        int port = Products.freeSipPort();
        register(BOB, BOB_PASSWORD, port);
        Sipp uas = peer("bob-answers", "uas-answer.xml", "-p", Integer.toString(port));
        Sipp intruder = call("unauthenticated", "uac-unauthenticated.xml", BOB);
        intruder.awaitSuccess(RUN);
        assertTrue(intruder.messages().contains("SIP/2.0 407"), intruder.report());
        // the same callee is reachable: an authenticated call right after is the first and only INVITE bob sees
        call("alice-calls", "uac-answered.xml", BOB).awaitSuccess(RUN);
        uas.awaitSuccess(RUN);
        assertEquals(1, uas.received("INVITE"), "bob received more than the authenticated call:\n" + uas.messages());
        List<JsonNode> alice = office.awaitHistory(ALICE, ALICE_PASSWORD, entry("outgoing", BOB, "answered"),
                "answered outgoing call to bob");
        assertEquals(1, alice.size(), "the rejected INVITE left a call record: " + alice);
    }

    /** Registers {@code user} with SIPp's own (MD5) digest, bound to {@code port} where a SIPp peer then listens. */
    private Sipp register(String user, String password, int port) throws Exception {
        Sipp reg = peer(user + "-registers", "register.xml", "-m", "1", "-p", Integer.toString(port), "-key",
                "domain", DOMAIN, "-key", "user", user, "-au", user, "-ap", password, office.server.sipAddress());
        reg.awaitSuccess(RUN);
        return reg;
    }

    private Sipp answer(String name, int port, String callId, int cseq, String authorization) throws Exception {
        Sipp s = peer(name, "register-answer.xml", "-m", "1", "-p", Integer.toString(port), "-key", "domain",
                DOMAIN, "-key", "user", BOB, "-cid_str", callId, "-key", "regcseq", Integer.toString(cseq),
                "-key", "authorization", authorization, office.server.sipAddress());
        s.awaitSuccess(RUN);
        return s;
    }

    /** Alice calls {@code target} (user name, extension or alias) from a free port. */
    private Sipp call(String name, String scenario, String target) throws Exception {
        return peer(name, scenario, "-m", "1", "-p", Integer.toString(Products.freeSipPort()), "-key", "domain",
                DOMAIN, "-key", "user", ALICE, "-au", ALICE, "-ap", ALICE_PASSWORD, "-s", target,
                office.server.sipAddress());
    }

    private Sipp peer(String name, String scenario, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("-m")) {
            all.addAll(List.of("-m", "1"));
        }
        Sipp s = Sipp.start(work, name, scenario, RUN, all.toArray(String[]::new));
        peers.add(s);
        return s;
    }
}
