// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.sohosip.sip.DigestCredentials;

/** Digest math against RFC 7616 section 3.9.1, and the choice among several challenges. */
class DigestAuthenticatorTest {

    // RFC 7616 section 3.9.1
    private static final String USER = "Mufasa";
    private static final String REALM = "http-auth@example.org";
    private static final char[] PASSWORD = "Circle of Life".toCharArray();
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    private static final String URI = "/dir/index.html";

    @Test
    void md5ResponseMatchesRfc7616Example() {
        DigestCredentials c = DigestCredentials.fromPassword(USER, REALM, PASSWORD);
        assertEquals("8ca523f5e9506fed4657c9700eebdbec",
                DigestAuthenticator.response("MD5", c.ha1Md5(), NONCE, "00000001", CNONCE, "auth", "GET", URI));
    }

    @Test
    void sha256ResponseMatchesRfc7616Example() {
        DigestCredentials c = DigestCredentials.fromPassword(USER, REALM, PASSWORD);
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
                DigestAuthenticator.response("SHA-256", c.ha1Sha256(), NONCE, "00000001", CNONCE, "auth", "GET",
                        URI));
    }

    @Test
    void ha1FromPasswordEqualsHashOfUserRealmPassword() {
        DigestCredentials c = DigestCredentials.fromPassword("alice", "sohosip.local", "secret".toCharArray());
        assertEquals(DigestAuthenticator.h("MD5", "alice:sohosip.local:secret"), c.ha1Md5());
        assertEquals(DigestAuthenticator.h("SHA-256", "alice:sohosip.local:secret"), c.ha1Sha256());
        assertFalse(c.toString().contains(c.ha1Md5()), "toString must not show the hash");
        assertFalse(c.toString().contains(c.ha1Sha256()), "toString must not show the hash");
    }

    @Test
    void withoutQopTheRfc2617FormIsUsed() {
        // RFC 2617 section 3.5 style: response = H(HA1:nonce:HA2)
        String ha1 = DigestAuthenticator.h("MD5", "u:r:p");
        String expected = DigestAuthenticator.h("MD5", ha1 + ":n:" + DigestAuthenticator.h("MD5", "REGISTER:sip:x"));
        assertEquals(expected, DigestAuthenticator.response("MD5", ha1, "n", "", "", "", "REGISTER", "sip:x"));
    }

    @Test
    void parsesQuotedCommasAndSeveralQopOptions() {
        DigestChallenge c = DigestChallenge.parse(
                "Digest realm=\"a, b\", nonce=\"n1\", qop=\"auth,auth-int\", algorithm=SHA-256, stale=TRUE, opaque=\"o\"",
                true).orElseThrow();
        assertEquals("a, b", c.realm());
        assertEquals("n1", c.nonce());
        assertEquals(List.of("auth", "auth-int"), c.qop());
        assertEquals("SHA-256", c.algorithm());
        assertTrue(c.stale());
        assertTrue(c.proxy());
        assertEquals("o", c.opaque());
        assertTrue(DigestChallenge.parse("Basic realm=\"x\"", false).isEmpty());
        assertTrue(DigestChallenge.parse("Digest nonce=\"x\"", false).isEmpty(), "realm is required");
    }

    @Test
    void choosesTheStrongestAlgorithmItHasAnHa1For() {
        DigestChallenge md5 = DigestChallenge.parse("Digest realm=\"r\", nonce=\"1\", qop=\"auth\"", false).orElseThrow();
        DigestChallenge sha = DigestChallenge
                .parse("Digest realm=\"r\", nonce=\"2\", qop=\"auth\", algorithm=SHA-256", false).orElseThrow();
        DigestChallenge unknown = DigestChallenge
                .parse("Digest realm=\"r\", nonce=\"3\", algorithm=SHA-512-256", false).orElseThrow();
        DigestCredentials both = DigestCredentials.fromPassword("u", "r", "p".toCharArray());
        assertEquals("2", DigestAuthenticator.choose(List.of(md5, sha, unknown), both).orElseThrow().nonce());
        assertEquals("2", DigestAuthenticator.choose(List.of(unknown, sha, md5), both).orElseThrow().nonce());
        DigestCredentials md5Only = new DigestCredentials("u", "r", both.ha1Md5(), "");
        assertEquals("1", DigestAuthenticator.choose(List.of(sha, md5), md5Only).orElseThrow().nonce());
        assertTrue(DigestAuthenticator.choose(List.of(unknown), both).isEmpty());
        DigestChallenge authIntOnly = DigestChallenge
                .parse("Digest realm=\"r\", nonce=\"4\", qop=\"auth-int\"", false).orElseThrow();
        assertTrue(DigestAuthenticator.choose(List.of(authIntOnly), both).isEmpty());
    }

    @Test
    void authorizationHeaderIsVerifiableAndCountsNonces() {
        DigestCredentials creds = DigestCredentials.fromPassword("alice", "sohosip.local", "secret".toCharArray());
        DigestChallenge c = DigestChallenge.parse(
                "Digest realm=\"sohosip.local\", nonce=\"abc\", qop=\"auth\", algorithm=SHA-256, opaque=\"zz\"", false)
                .orElseThrow();
        DigestAuthenticator auth = new DigestAuthenticator();
        String first = auth.authorization(c, creds, "REGISTER", "sip:sohosip.local");
        String second = auth.authorization(c, creds, "REGISTER", "sip:sohosip.local");
        assertTrue(first.contains("nc=00000001"), first);
        assertTrue(second.contains("nc=00000002"), second);
        assertTrue(first.contains("algorithm=SHA-256") && first.contains("qop=auth") && first.contains("opaque=\"zz\""));
        // a server recomputes the response from the header's own fields
        var p = DigestChallenge.params(first.substring("Digest ".length()));
        String expected = DigestAuthenticator.response("SHA-256", creds.ha1Sha256(), "abc", p.get("nc"),
                p.get("cnonce"), "auth", "REGISTER", "sip:sohosip.local");
        assertEquals(expected, p.get("response"));
        Matcher m = Pattern.compile("cnonce=\"([^\"]+)\"").matcher(second);
        assertTrue(m.find());
        assertFalse(first.contains(m.group(1)), "every answer has a fresh cnonce");
    }
}
