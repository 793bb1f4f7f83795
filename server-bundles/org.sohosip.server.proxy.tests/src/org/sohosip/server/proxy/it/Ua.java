// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A minimal user agent on a {@link SipSocket}: builds requests, answers digest challenges with MD5 or SHA-256, and
 * follows a dialog's route set. Enough SIP to test the proxy with messages written out in full.
 */
final class Ua implements AutoCloseable {

    final SipSocket socket;
    final String user;
    final String password;
    final String domain;
    final String proxy;
    String userAgent = "SOHOSIP-test";

    Ua(SipSocket socket, String user, String password, String domain, int proxyPort) {
        this.socket = socket;
        this.user = user;
        this.password = password;
        this.domain = domain;
        this.proxy = "127.0.0.1:" + proxyPort;
    }

    String contact() {
        return "<sip:" + user + "@" + socket.sentBy() + (socket.transport.equals("tcp") ? ";transport=tcp" : "") + ">";
    }

    static String branch() {
        return "z9hG4bK" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    static String tag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    static String callId() {
        return UUID.randomUUID() + "@test";
    }

    String via(String branch) {
        return "Via: SIP/2.0/" + socket.transport.toUpperCase() + " " + socket.sentBy() + ";branch=" + branch
                + ";rport\r\n";
    }

    /** REGISTER with the given contact header value and expiry; answers a challenge with {@code algorithm}. */
    SipMsg register(String contact, Integer expires, String algorithm) throws Exception {
        String callId = callId();
        String fromTag = tag();
        SipMsg first = sendRegister(callId, fromTag, 1, contact, expires, null);
        if (first.status() != 401) {
            return first;
        }
        String auth = authorization("Authorization", first, "REGISTER", "sip:" + proxy, algorithm);
        return sendRegister(callId, fromTag, 2, contact, expires, auth);
    }

    SipMsg register(Integer expires, String algorithm) throws Exception {
        return register(contact(), expires, algorithm);
    }

    SipMsg sendRegister(String callId, String fromTag, int cseq, String contact, Integer expires, String auth)
            throws IOException, InterruptedException {
        socket.send("REGISTER sip:" + proxy + " SIP/2.0\r\n" + via(branch()) + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@" + domain + ">;tag=" + fromTag + "\r\n"
                + "To: <sip:" + user + "@" + domain + ">\r\n" + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " REGISTER\r\n" + (contact == null ? "" : "Contact: " + contact + "\r\n")
                + (expires == null ? "" : "Expires: " + expires + "\r\n") + (auth == null ? "" : auth)
                + "User-Agent: " + userAgent + "\r\n" + "Content-Length: 0\r\n\r\n");
        return socket.awaitFinal("REGISTER");
    }

    /** @return an {@code Authorization} (or {@code Proxy-Authorization}) header line answering the challenge */
    String authorization(String header, SipMsg challenge, String method, String uri, String algorithm) {
        String wanted = null;
        for (String c : challenge.headers(challenge.status() == 401 ? "WWW-Authenticate" : "Proxy-Authenticate")) {
            if (algorithm.equalsIgnoreCase(SipMsg.param(c, "algorithm"))) {
                wanted = c;
            }
        }
        if (wanted == null) {
            throw new AssertionError("No " + algorithm + " challenge in\n" + challenge);
        }
        String realm = SipMsg.param(wanted, "realm");
        String nonce = SipMsg.param(wanted, "nonce");
        String cnonce = tag();
        String nc = "00000001";
        String ha1 = hash(algorithm, user + ":" + realm + ":" + password);
        String ha2 = hash(algorithm, method + ":" + uri);
        String response = hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return header + ": Digest username=\"" + user + "\",realm=\"" + realm + "\",nonce=\"" + nonce + "\",uri=\""
                + uri + "\",response=\"" + response + "\",algorithm=" + algorithm + ",cnonce=\"" + cnonce
                + "\",qop=auth,nc=" + nc + "\r\n";
    }

    static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm.equalsIgnoreCase("MD5") ? "MD5"
                    : "SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An INVITE dialog as the caller sees it. */
    final class Call {
        final String callId = callId();
        final String fromTag = tag();
        final String target;
        String branch = branch();
        int cseq = 1;
        String toTag;
        String remoteTarget;
        List<String> routes = List.of();
        String auth;
        int maxForwards = 70;
        /** Further header lines of the INVITE, each ending with CRLF. */
        String extraHeaders = "";

        Call(String target) {
            this.target = target;
        }

        String invite() {
            String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
            return "INVITE " + target + " SIP/2.0\r\n" + via(branch) + "Max-Forwards: " + maxForwards + "\r\n"
                    + "From: \"" + user + "\" <sip:" + user + "@" + domain + ">;tag=" + fromTag + "\r\n"
                    + "To: <" + target + ">\r\n" + "Call-ID: " + callId + "\r\n" + "CSeq: " + cseq + " INVITE\r\n"
                    + "Contact: " + contact() + "\r\n" + extraHeaders + (auth == null ? "" : auth) + "User-Agent: " + userAgent
                    + "\r\n" + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
        }

        /** Sends the INVITE; answers a 407 with credentials; returns the first response after that. */
        SipMsg start(boolean authenticate) throws Exception {
            socket.send(invite());
            SipMsg first = socket.await(m -> m.isResponse() && m.status() > 100 && m.cseqMethod().equals("INVITE"),
                    java.time.Duration.ofSeconds(10), "answer to INVITE");
            if (first.status() != 407 || !authenticate) {
                return first;
            }
            ackNon2xx(first);
            auth = authorization("Proxy-Authorization", first, "INVITE", target, "SHA-256");
            cseq++;
            branch = branch();
            socket.send(invite());
            return socket.await(m -> m.isResponse() && m.status() > 100 && m.cseqMethod().equals("INVITE"),
                    java.time.Duration.ofSeconds(10), "answer to authenticated INVITE");
        }

        /** ACK for a failure response: same branch as the INVITE (RFC 3261 §17.1.1.3). */
        void ackNon2xx(SipMsg response) throws IOException {
            socket.send("ACK " + target + " SIP/2.0\r\n" + via(branch) + "Max-Forwards: 70\r\n"
                    + "From: <sip:" + user + "@" + domain + ">;tag=" + fromTag + "\r\n" + "To: " + response.header("To")
                    + "\r\n" + "Call-ID: " + callId + "\r\n" + "CSeq: " + cseq + " ACK\r\nContent-Length: 0\r\n\r\n");
        }

        /** Takes the dialog from a 2xx: remote target, route set (Record-Route reversed is not needed here). */
        void answered(SipMsg ok) {
            toTag = SipMsg.param(ok.header("To"), "tag");
            String c = ok.header("Contact");
            remoteTarget = c.substring(c.indexOf('<') + 1, c.indexOf('>'));
            routes = ok.headers("Record-Route");
        }

        String inDialog(String method, int seq, String branchId) {
            StringBuilder b = new StringBuilder(method + " " + remoteTarget + " SIP/2.0\r\n" + via(branchId));
            for (String r : routes) {
                b.append("Route: ").append(r).append("\r\n");
            }
            return b + "Max-Forwards: 70\r\n" + "From: <sip:" + user + "@" + domain + ">;tag=" + fromTag + "\r\n"
                    + "To: <" + target + ">;tag=" + toTag + "\r\n" + "Call-ID: " + callId + "\r\n" + "CSeq: " + seq
                    + " " + method + "\r\nContent-Length: 0\r\n\r\n";
        }

        void ack() throws IOException {
            socket.send(inDialog("ACK", cseq, branch()));
        }

        SipMsg bye() throws Exception {
            socket.send(inDialog("BYE", cseq + 1, branch()));
            return socket.awaitFinal("BYE");
        }

        SipMsg cancel() throws Exception {
            socket.send("CANCEL " + target + " SIP/2.0\r\n" + via(branch) + "Max-Forwards: 70\r\n"
                    + "From: <sip:" + user + "@" + domain + ">;tag=" + fromTag + "\r\n" + "To: <" + target + ">\r\n"
                    + "Call-ID: " + callId + "\r\n" + "CSeq: " + cseq + " CANCEL\r\nContent-Length: 0\r\n\r\n");
            return socket.awaitFinal("CANCEL");
        }
    }

    Call call(String target) {
        return new Call(target);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
