// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.ListIterator;

import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.server.proxy.internal.AccountCache.Secrets;

/**
 * HTTP digest authentication of SIP requests (RFC 3261 §22, RFC 8760): REGISTER is challenged with 401 and
 * {@code WWW-Authenticate}, everything else with 407 and {@code Proxy-Authenticate}; each challenge offers the
 * configured algorithms (SHA-256 first) with {@code qop=auth}. An unknown user name and a wrong password take the
 * same path and get the same answer, so answers do not tell which names exist.
 */
final class DigestAuthenticator {

    /** HA1 that no password produces, used for unknown names so both paths do the same work. */
    private static final String NO_SUCH_USER = "0".repeat(64);

    private final Sip sip;
    private final AccountCache accounts;
    private final Nonces nonces;
    private final AuthFailures failures;
    private final List<DigestAlgorithm> offered;

    DigestAuthenticator(Sip sip, AccountCache accounts, Nonces nonces, AuthFailures failures,
            List<DigestAlgorithm> offered) {
        this.sip = sip;
        this.accounts = accounts;
        this.nonces = nonces;
        this.failures = failures;
        this.offered = offered;
    }

    /**
     * Checks the request's credentials for this realm. When they do not prove an enabled account, the request has
     * been answered (challenge, or 403 for an address that is locked out).
     *
     * @param address the request's source address, for the lockout
     * @return the authenticated account's user name, or {@code null} when the request was answered
     */
    @Nullable
    String authenticate(Request request, String address) {
        if (failures.locked(address)) {
            sip.respond(request, Response.FORBIDDEN, "Too many failed authentications", null);
            return null;
        }
        boolean register = Request.REGISTER.equals(request.getMethod());
        AuthorizationHeader credentials = credentials(request, register);
        if (credentials == null) {
            challenge(request, register, false);
            return null;
        }
        String username = credentials.getUsername();
        String nonce = credentials.getNonce();
        String response = credentials.getResponse();
        DigestAlgorithm algorithm = DigestAlgorithm.of(credentials.getAlgorithm());
        if (username == null || nonce == null || response == null || algorithm == null
                || !offered.contains(algorithm)) {
            challenge(request, register, false);
            return null;
        }
        Nonces.Check freshness = nonces.check(nonce);
        if (freshness == Nonces.Check.INVALID) {
            // Forged, mangled or from before a restart: nothing to verify against, nothing learned.
            challenge(request, register, false);
            return null;
        }
        Secrets secrets = accounts.secrets(username);
        String ha1 = secrets == null ? NO_SUCH_USER.substring(0, algorithm == DigestAlgorithm.MD5 ? 32 : 64)
                : secrets.ha1(algorithm);
        boolean correct = secrets != null && matches(expected(algorithm, ha1, credentials, request, nonce), response);
        if (secrets == null) {
            expected(algorithm, ha1, credentials, request, nonce); // the same work as for a known name
        }
        if (!correct) {
            failures.failed(address, username);
            challenge(request, register, false);
            return null;
        }
        if (freshness == Nonces.Check.STALE) {
            challenge(request, register, true);
            return null;
        }
        if (credentials.getQop() != null && !nonces.firstUse(nonce,
                Integer.toUnsignedLong(credentials.getNonceCount()), requestId(request))) {
            // The same nonce and count in another request: a replay (a phone's own next request counts up). The
            // credentials were right, so stale=true lets a genuine phone answer the fresh nonce without asking.
            challenge(request, register, true);
            return null;
        }
        failures.succeeded(address);
        return secrets.username();
    }

    /** Call-ID and CSeq: the same for every retransmission of a request, different for any other request. */
    private static String requestId(Request request) {
        javax.sip.header.CallIdHeader callId = (javax.sip.header.CallIdHeader) request.getHeader(
                javax.sip.header.CallIdHeader.NAME);
        javax.sip.header.CSeqHeader cseq = (javax.sip.header.CSeqHeader) request.getHeader(
                javax.sip.header.CSeqHeader.NAME);
        return (callId == null ? "" : callId.getCallId()) + " " + (cseq == null ? "" : cseq.getSeqNumber() + " "
                + cseq.getMethod());
    }

    /** @return the credentials for this realm, if the request has any */
    private @Nullable AuthorizationHeader credentials(Request request, boolean register) {
        ListIterator<?> it = request.getHeaders(register ? AuthorizationHeader.NAME : ProxyAuthorizationHeader.NAME);
        while (it.hasNext()) {
            AuthorizationHeader h = (AuthorizationHeader) it.next();
            if (sip.domain.equals(h.getRealm()) && "Digest".equalsIgnoreCase(h.getScheme())) {
                return h;
            }
        }
        return null;
    }

    private static String expected(DigestAlgorithm algorithm, String ha1, AuthorizationHeader credentials,
            Request request, String nonce) {
        String uri = credentials.getURI() == null ? "" : credentials.getURI().toString();
        String ha2 = Hashes.hex(algorithm, request.getMethod() + ":" + uri);
        String qop = credentials.getQop();
        if (qop == null) { // RFC 2069 compatibility
            return Hashes.hex(algorithm, ha1 + ":" + nonce + ":" + ha2);
        }
        return Hashes.hex(algorithm, ha1 + ":" + nonce + ":" + nonceCount(credentials.getNonceCount()) + ":"
                + credentials.getCNonce() + ":" + qop + ":" + ha2);
    }

    /** The stack parses {@code nc} into a number; the digest covers its eight hex digits as sent. */
    private static String nonceCount(int nc) {
        String hex = Integer.toHexString(nc);
        return "00000000".substring(hex.length()) + hex;
    }

    /** Constant-time comparison: response digests are hex, compared case-insensitively. */
    private static boolean matches(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                presented.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private void challenge(Request request, boolean register, boolean stale) {
        String nonce = nonces.issue();
        sip.respond(request, register ? Response.UNAUTHORIZED : Response.PROXY_AUTHENTICATION_REQUIRED, null,
                response -> {
                    for (DigestAlgorithm algorithm : offered) {
                        WWWAuthenticateHeader h = register ? sip.headers.createWWWAuthenticateHeader("Digest")
                                : sip.headers.createProxyAuthenticateHeader("Digest");
                        h.setRealm(sip.domain);
                        h.setNonce(nonce);
                        h.setAlgorithm(algorithm.token());
                        h.setQop("auth");
                        if (stale) {
                            h.setStale(true);
                        }
                        response.addHeader(h);
                    }
                });
    }
}
