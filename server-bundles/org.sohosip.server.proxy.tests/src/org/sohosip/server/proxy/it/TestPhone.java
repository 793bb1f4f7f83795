// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.it;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A called phone on its own UDP socket: rings at every INVITE and then answers, rejects as busy, or keeps ringing
 * until cancelled; answers BYE and CANCEL. Keeps every request it received, for the tests to look at.
 */
final class TestPhone implements AutoCloseable {

    enum Mode {
        ANSWER, BUSY, RING, DECLINE
    }

    final Ua ua;
    final List<SipMsg> requests = new CopyOnWriteArrayList<>();
    private volatile Mode mode;
    /** How the phone answers REFER (a phone without transfer support answers 501). */
    volatile int referStatus = 202;
    /** Whether a 200 to an INVITE with an offer carries an answer (real softphones end a call without one). */
    volatile boolean answerOffers;
    private final Thread thread;
    private volatile boolean closed;
    private volatile SipMsg ringing;
    private final String toTag = Ua.tag();

    TestPhone(Ua ua, Mode mode) {
        this.ua = ua;
        this.mode = mode;
        thread = new Thread(this::run, "test-phone-" + ua.user);
        thread.setDaemon(true);
        thread.start();
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    /** @return the first request of a method received so far, waiting for it */
    SipMsg await(String method, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (SipMsg m : requests) {
                if (m.method().equals(method)) {
                    return m;
                }
            }
            Thread.sleep(10); // polling the list the phone thread fills
        }
        throw new AssertionError(ua.user + "'s phone received no " + method + " within " + timeout.toMillis() + " ms");
    }

    boolean received(String method) {
        return requests.stream().anyMatch(m -> m.method().equals(method));
    }

    private void run() {
        while (!closed) {
            try {
                SipMsg m = ua.socket.poll(Duration.ofMillis(200));
                if (m == null || m.isResponse()) {
                    continue;
                }
                requests.add(m);
                switch (m.method()) {
                    case "INVITE" -> invite(m);
                    case "CANCEL" -> {
                        respond(m, 200, "OK", false);
                        SipMsg invite = ringing;
                        if (invite != null) {
                            respond(invite, 487, "Request Terminated", false);
                        }
                    }
                    case "ACK" -> {
                    }
                    case "REFER" -> respond(m, referStatus, referStatus == 202 ? "Accepted" : "Not Implemented",
                            false);
                    default -> respond(m, 200, "OK", false);
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    e.printStackTrace();
                }
            }
        }
    }

    private void invite(SipMsg invite) throws IOException {
        respond(invite, 180, "Ringing", true);
        switch (mode) {
            case ANSWER -> respond(invite, 200, "OK", true);
            case BUSY -> respond(invite, 486, "Busy Here", true);
            case DECLINE -> respond(invite, 603, "Decline", true);
            case RING -> ringing = invite;
        }
    }

    /** Answers a request through the Vias it came with (to the top one: the proxy). */
    void respond(SipMsg request, int status, String reason, boolean dialog) throws IOException {
        StringBuilder b = new StringBuilder("SIP/2.0 " + status + " " + reason + "\r\n");
        for (String via : request.headers("Via")) {
            b.append("Via: ").append(via).append("\r\n");
        }
        String to = request.header("To");
        b.append("From: ").append(request.header("From")).append("\r\n");
        b.append("To: ").append(to).append(to.contains("tag=") || status == 100 ? "" : ";tag=" + toTag).append("\r\n");
        b.append("Call-ID: ").append(request.header("Call-ID")).append("\r\n");
        b.append("CSeq: ").append(request.header("CSeq")).append("\r\n");
        if (dialog) {
            for (String rr : request.headers("Record-Route")) {
                b.append("Record-Route: ").append(rr).append("\r\n");
            }
            b.append("Contact: ").append(ua.contact()).append("\r\n");
        }
        if (answerOffers && dialog && status == 200 && request.method().equals("INVITE") && request.body.startsWith("v=0")) {
            // an answer to the caller's offer (RFC 3264): PCMU, sending nowhere, so a real softphone keeps the call
            String sdp = "v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio 9 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
            b.append("Content-Type: application/sdp\r\nContent-Length: ").append(sdp.length()).append("\r\n\r\n")
                    .append(sdp);
        } else {
            b.append("Content-Length: 0\r\n\r\n");
        }
        ua.socket.send(b.toString());
    }

    @Override
    public void close() throws Exception {
        closed = true;
        thread.join(2000);
        ua.close();
    }
}
