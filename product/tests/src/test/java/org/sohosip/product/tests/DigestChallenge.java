// SPDX-License-Identifier: EPL-2.0
package org.sohosip.product.tests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A digest challenge (WWW-Authenticate) as a server sent it, and the Authorization header a client answers it with
 * (RFC 3261 / RFC 8760: MD5 or SHA-256, with or without qop=auth). Used where the real peer cannot compute the
 * digest itself: SIPp 3.6 knows MD5 only.
 */
record DigestChallenge(Map<String, String> params) {

    private static final Pattern HEADER = Pattern.compile("(?im)^(?:WWW|Proxy)-Authenticate:\\s*Digest\\s+(.*)$");
    private static final Pattern PARAM = Pattern.compile("([A-Za-z-]+)\\s*=\\s*(?:\"([^\"]*)\"|([^,\\s]+))");

    /** @return every digest challenge in a SIP message */
    static List<DigestChallenge> in(String message) {
        return HEADER.matcher(message).results().map(r -> parse(r.group(1))).toList();
    }

    static Optional<DigestChallenge> withAlgorithm(String message, String algorithm) {
        return in(message).stream().filter(c -> c.algorithm().equalsIgnoreCase(algorithm)).findFirst();
    }

    private static DigestChallenge parse(String header) {
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAM.matcher(header);
        while (m.find()) {
            p.put(m.group(1).toLowerCase(), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return new DigestChallenge(p);
    }

    String algorithm() {
        return params.getOrDefault("algorithm", "MD5");
    }

    String realm() {
        return params.getOrDefault("realm", "");
    }

    /** @return the Authorization header value answering this challenge for {@code method} on {@code uri} */
    String answer(String user, String password, String method, String uri, int nonceCount, String cnonce) {
        String nonce = params.getOrDefault("nonce", "");
        String ha1 = hash(user + ":" + realm() + ":" + password);
        String ha2 = hash(method + ":" + uri);
        boolean qopAuth = List.of(params.getOrDefault("qop", "").split("\\s*,\\s*")).contains("auth");
        String nc = String.format("%08x", nonceCount);
        String response = qopAuth ? hash(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)
                : hash(ha1 + ":" + nonce + ":" + ha2);
        StringBuilder b = new StringBuilder("Digest username=\"" + user + "\",realm=\"" + realm() + "\",nonce=\""
                + nonce + "\",uri=\"" + uri + "\",response=\"" + response + "\",algorithm=" + algorithm());
        if (qopAuth) {
            b.append(",qop=auth,nc=").append(nc).append(",cnonce=\"").append(cnonce).append('"');
        }
        if (params.containsKey("opaque")) {
            b.append(",opaque=\"").append(params.get("opaque")).append('"');
        }
        return b.toString();
    }

    private String hash(String text) {
        String name = algorithm().equalsIgnoreCase("SHA-256") ? "SHA-256" : "MD5";
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(name).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
