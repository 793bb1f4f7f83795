// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.framework.FrameworkUtil;

/**
 * The RFC 4475 torture messages, byte for byte, sent to the proxy over UDP and over TCP. For each, the answer (if
 * any) must be one the RFC allows, and afterwards the proxy must still answer an OPTIONS.
 */
class TortureIntegrationTest {

    /** What may come back for each file: status codes; 0 means "no answer" is allowed too. */
    private static final Map<String, Set<Integer>> ALLOWED = Map.ofEntries(
            // valid: handled. Requests to other domains are challenged (407/401) rather than relayed.
            // in a dialog (To tag) with a Route that is not this proxy: refused, not relayed
            Map.entry("wsinv.dat", Set.of(404)),
            Map.entry("intmeth.dat", Set.of(407, 404, 501)),
            Map.entry("esc01.dat", Set.of(407, 404)),
            Map.entry("escnull.dat", Set.of(401)),
            Map.entry("esc02.dat", Set.of(407, 404, 501)),
            Map.entry("lwsdisp.dat", Set.of(407, 404)),
            Map.entry("longreq.dat", Set.of(407, 404)),
            Map.entry("dblreq.dat", Set.of(401)),
            Map.entry("semiuri.dat", Set.of(407, 404)),
            Map.entry("transports.dat", Set.of(407, 404)),
            Map.entry("mpart01.dat", Set.of(407, 404)),
            Map.entry("unreason.dat", Set.of(0)),
            Map.entry("noreason.dat", Set.of(0)),
            // invalid: rejected (usually 400) or dropped
            Map.entry("badinv01.dat", Set.of(0, 400)),
            Map.entry("clerr.dat", Set.of(0, 400)),
            Map.entry("ncl.dat", Set.of(0, 400)),
            Map.entry("scalar02.dat", Set.of(0, 400)),
            Map.entry("scalarlg.dat", Set.of(0)),
            Map.entry("quotbal.dat", Set.of(0, 400, 407)),
            Map.entry("ltgtruri.dat", Set.of(0, 400)),
            Map.entry("lwsruri.dat", Set.of(0, 400, 407)),
            Map.entry("lwsstart.dat", Set.of(0, 400, 407)),
            Map.entry("trws.dat", Set.of(0, 400, 407)),
            Map.entry("escruri.dat", Set.of(0, 400, 407)),
            Map.entry("baddate.dat", Set.of(0, 400, 407)),
            Map.entry("regbadct.dat", Set.of(0, 400, 401)),
            Map.entry("badaspec.dat", Set.of(0, 400, 407)),
            Map.entry("baddn.dat", Set.of(0, 400, 407)),
            Map.entry("badvers.dat", Set.of(505)),
            Map.entry("mismatch01.dat", Set.of(0, 400)),
            Map.entry("mismatch02.dat", Set.of(0, 400, 501)),
            Map.entry("bigcode.dat", Set.of(0)),
            Map.entry("badbranch.dat", Set.of(0, 400, 407)),
            // application layer
            Map.entry("insuf.dat", Set.of(0, 400)),
            Map.entry("unkscm.dat", Set.of(416)),
            Map.entry("novelsc.dat", Set.of(416)),
            Map.entry("unksm2.dat", Set.of(400)),
            Map.entry("bext01.dat", Set.of(420)),
            Map.entry("invut.dat", Set.of(407, 404)),
            Map.entry("regaut01.dat", Set.of(401)),
            Map.entry("multi01.dat", Set.of(400)),
            Map.entry("mcl01.dat", Set.of(400)),
            Map.entry("bcast.dat", Set.of(0)),
            Map.entry("zeromf.dat", Set.of(483)),
            Map.entry("cparam01.dat", Set.of(401)),
            Map.entry("cparam02.dat", Set.of(401)),
            Map.entry("regescrt.dat", Set.of(401)),
            Map.entry("sdp01.dat", Set.of(407, 404, 400)),
            Map.entry("inv2543.dat", Set.of(0, 407, 404)),
            Map.entry("test.dat", Set.of(0, 400)));

    private static ProxyTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ProxyTestServer.get();
    }

    static Stream<Arguments> messages() {
        List<Arguments> all = new ArrayList<>();
        for (String file : ALLOWED.keySet().stream().sorted().toList()) {
            all.add(Arguments.of(file, "udp"));
            all.add(Arguments.of(file, "tcp"));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("messages")
    void tortureMessageIsHandledAndTheProxyKeepsAnswering(String file, String transport) throws Exception {
        byte[] message = read(file);
        Set<Integer> allowed = ALLOWED.get(file);
        if (transport.equals("tcp") && !viaNames(message, "TCP")) {
            // Over a stream JAIN-SIP can answer only when the top Via names that stream's transport; it then drops
            // the answer rather than send it to the made-up address in the Via. Dropping is allowed; breaking not.
            allowed = new java.util.HashSet<>(allowed);
            allowed.add(0);
        }
        try (SipSocket socket = SipSocket.open(transport, server.sipPort)) {
            socket.send(message);
            SipMsg answer = socket.poll(Duration.ofMillis(allowed.contains(0) ? 700 : 5000));
            int status = answer == null ? 0 : answer.status();
            assertTrue(allowed.contains(status), file + " over " + transport + " got "
                    + (answer == null ? "no answer" : answer.startLine) + "; allowed " + allowed);
        }
        assertAlive(transport);
    }

    /** The proxy still answers OPTIONS on the same transport, from a fresh socket. */
    private static void assertAlive(String transport) throws Exception {
        try (SipSocket probe = SipSocket.open(transport, server.sipPort)) {
            probe.send("OPTIONS sip:127.0.0.1:" + server.sipPort + " SIP/2.0\r\nVia: SIP/2.0/"
                    + transport.toUpperCase() + " " + probe.sentBy() + ";branch=" + Ua.branch() + ";rport\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:probe@test>;tag=1\r\nTo: <sip:127.0.0.1>\r\n"
                    + "Call-ID: " + Ua.callId() + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
            SipMsg ok = probe.awaitFinal("OPTIONS");
            assertEquals(200, ok.status());
            assertNotNull(ok.header("Allow"));
        }
    }

    /** @return whether the message's top Via names this transport */
    private static boolean viaNames(byte[] message, String transport) {
        // headers may be folded over several lines (wsinv.dat): unfold first
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?im)^(via|v)[ \\t]*:[ \\t]*SIP[ \\t]*/[ \\t]*"
                + "2\\.0[ \\t]*/[ \\t]*(\\w+)").matcher(new String(message, java.nio.charset.StandardCharsets.ISO_8859_1).replaceAll("\r\n[ \t]+", " "));
        return m.find() && m.group(2).equalsIgnoreCase(transport);
    }

    private static byte[] read(String file) throws IOException {
        // findEntries, unlike getEntry, also looks into fragments: the files are in this test fragment.
        var found = FrameworkUtil.getBundle(TortureIntegrationTest.class).findEntries("rfc4475", file, false);
        assertNotNull(found, file + " is in the test bundle");
        URL url = found.nextElement();
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }
}
