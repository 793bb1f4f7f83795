// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jdt.annotation.Nullable;

/**
 * One Digest challenge from a {@code WWW-Authenticate} or {@code Proxy-Authenticate} header (RFC 7616 section
 * 3.3), parsed by hand so that several {@code qop} options and unknown parameters are kept as sent.
 *
 * @param realm     the realm
 * @param nonce     the server nonce
 * @param opaque    to be echoed, or {@code null}
 * @param algorithm {@code MD5} when absent; as sent otherwise (upper case)
 * @param qop       the offered qop options (lower case), empty for an RFC 2069 challenge
 * @param stale     whether the server said the previous nonce was merely stale
 * @param proxy     whether it came in a 407 ({@code Proxy-Authenticate})
 */
record DigestChallenge(String realm, String nonce, @Nullable String opaque, String algorithm, List<String> qop,
        boolean stale, boolean proxy) {

    /**
     * @param value the header value, e.g. {@code Digest realm="x", nonce="y", qop="auth,auth-int"}
     * @param proxy whether it is a Proxy-Authenticate header
     * @return the challenge, or empty when it is not a usable Digest challenge
     */
    static Optional<DigestChallenge> parse(String value, boolean proxy) {
        String v = value.strip();
        int sp = v.indexOf(' ');
        if (sp < 0 || !v.substring(0, sp).equalsIgnoreCase("Digest")) {
            return Optional.empty();
        }
        Map<String, String> p = params(v.substring(sp + 1));
        String realm = p.get("realm");
        String nonce = p.get("nonce");
        if (realm == null || nonce == null) {
            return Optional.empty();
        }
        String algorithm = p.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
        String qop = p.get("qop");
        List<String> qops = qop == null ? List.of()
                : List.of(qop.toLowerCase(Locale.ROOT).replace(" ", "").split(","));
        return Optional.of(new DigestChallenge(realm, nonce, p.get("opaque"), algorithm, qops,
                "true".equalsIgnoreCase(p.get("stale")), proxy));
    }

    /** @return a rank for choosing among several challenges: higher is stronger, 0 unsupported */
    int strength() {
        return switch (algorithm) {
            case "SHA-256" -> 4;
            case "SHA-256-SESS" -> 3;
            case "MD5" -> 2;
            case "MD5-SESS" -> 1;
            default -> 0;
        };
    }

    /** Splits {@code a=b, c="d,e"} into a map with lower-case keys and unquoted values. */
    static Map<String, String> params(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i)))) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = s.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            i = eq + 1;
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            StringBuilder val = new StringBuilder();
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (i < n && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    val.append(s.charAt(i++));
                }
                i++;
            } else {
                while (i < n && s.charAt(i) != ',') {
                    val.append(s.charAt(i++));
                }
            }
            out.put(key, val.toString().strip());
        }
        return out;
    }
}
