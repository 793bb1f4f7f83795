// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

/** sipp scenarios the softphone is tested against. */
final class Scenarios {

    private Scenarios() {
    }

    /** sipp refuses variables it sees only once: this reads one (and goes on whether it is set or not). */
    private static String use(String variable) {
        return "<nop hide=\"true\" test=\"" + variable + "\" next=\"" + variable + "_read\"/>\n<label id=\""
                + variable + "_read\"/>\n";
    }

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>\n";

    /** A response to the last request (that opened a dialog or stood alone), echoing its headers. */
    private static String reply(String status, String extra) {
        return reply(status, extra, true);
    }

    /** A response to a request inside a dialog: its To already carries our tag. */
    private static String inDialog(String status) {
        return reply(status, "", false);
    }

    private static String reply(String status, String extra, boolean tag) {
        return "<send><![CDATA[\n"
                + "SIP/2.0 " + status + "\n"
                + "[last_Via:]\n[last_From:]\n[last_To:]" + (tag ? ";tag=[pid]sipp[call_number]" : "")
                + "\n[last_Call-ID:]\n[last_CSeq:]\n"
                + "Contact: <sip:sipp@[local_ip]:[local_port]>\n"
                + extra
                + "Content-Length: 0\n\n]]></send>\n";
    }

    /** A 200 to an INVITE with an SDP answer in the given direction, with or without telephone-event. */
    private static String answer(String direction, boolean telephoneEvent) {
        return answer(direction, telephoneEvent, true);
    }

    private static String answer(String direction, boolean telephoneEvent, boolean tag) {
        return "<send><![CDATA[\n"
                + "SIP/2.0 200 OK\n"
                + "[last_Via:]\n[last_From:]\n[last_To:]" + (tag ? ";tag=[pid]sipp[call_number]" : "")
                + "\n[last_Call-ID:]\n[last_CSeq:]\n"
                + "Contact: <sip:sipp@[local_ip]:[local_port]>\n"
                + "Content-Type: application/sdp\n"
                + "Content-Length: [len]\n\n"
                + "v=0\n"
                + "o=sipp 1 [cseq] IN IP4 [local_ip]\n"
                + "s=-\n"
                + "c=IN IP4 [local_ip]\n"
                + "t=0 0\n"
                + "m=audio [media_port] RTP/AVP 0" + (telephoneEvent ? " 101" : "") + "\n"
                + "a=rtpmap:0 PCMU/8000\n"
                + (telephoneEvent ? "a=rtpmap:101 telephone-event/8000\na=fmtp:101 0-15\n" : "")
                + "a=ptime:20\n"
                + "a=" + direction + "\n"
                + "]]></send>\n";
    }

    /**
     * A registrar: challenges, checks the digest against {@code password}, grants 2 seconds so the phone must
     * refresh, then expects the removal of the binding (expires 0).
     */
    static String registrar(String user, String password) {
        return HEAD + "<scenario name=\"registrar\">\n"
                + "<recv request=\"REGISTER\"/>\n"
                + reply("401 Unauthorized",
                        "WWW-Authenticate: Digest realm=\"sohosip.local\", nonce=\"[pid]n[call_number]\", "
                                + "algorithm=MD5, qop=\"auth\"\n")
                + "<recv request=\"REGISTER\"><action>"
                + "<ereg regexp=\"sip:[^&gt;]*\" search_in=\"hdr\" header=\"Contact:\" assign_to=\"contact\"/>"
                + "<verifyauth assign_to=\"authvalid\" username=\"" + user + "\" password=\"" + password + "\"/>"
                + "</action></recv>\n"
                + "<nop hide=\"true\" test=\"authvalid\" next=\"good\"/>\n"
                + reply("403 Forbidden", "").replace("<send>", "<send next=\"done\">")
                + "<label id=\"good\"/>\n"
                + reply("200 OK", "Expires: 2\n").replace("Contact: <sip:sipp@[local_ip]:[local_port]>",
                        "Contact: <[$contact]>;expires=2")
                + "<recv request=\"REGISTER\"/>\n"
                + reply("200 OK", "Expires: 3600\n").replace("Contact: <sip:sipp@[local_ip]:[local_port]>",
                        "Contact: <[$contact]>;expires=3600")
                + "<recv request=\"REGISTER\"><action>"
                + "<ereg regexp=\"xpires(: *|=)0[^0-9]\" search_in=\"msg\" check_it=\"true\" assign_to=\"removal\"/>"
                + "</action></recv>\n"
                + use("removal")
                + reply("200 OK", "")
                + "<label id=\"done\"/>\n"
                + "</scenario>\n";
    }

    /** A callee that is busy: 486 to the INVITE. */
    static String busy() {
        return HEAD + "<scenario name=\"busy\">\n"
                + "<recv request=\"INVITE\"/>\n"
                + reply("486 Busy Here", "")
                + "<recv request=\"ACK\"/>\n"
                + "</scenario>\n";
    }

    /**
     * A callee that rings, answers, accepts a hold re-INVITE (sendonly or inactive), a resume re-INVITE, and the
     * caller's BYE.
     */
    static String answerHoldResume() {
        return HEAD + "<scenario name=\"hold\">\n"
                + "<recv request=\"INVITE\"/>\n"
                + reply("180 Ringing", "")
                + "<pause milliseconds=\"1500\"/>\n"
                + answer("sendrecv", true)
                + "<recv request=\"ACK\"/>\n"
                + "<recv request=\"INVITE\"><action>"
                + "<ereg regexp=\"a=(sendonly|inactive)\" search_in=\"body\" check_it=\"true\" assign_to=\"held\"/>"
                + "</action></recv>\n"
                + use("held")
                + answer("recvonly", true, false)
                + "<recv request=\"ACK\"/>\n"
                + "<recv request=\"INVITE\"/>\n"
                + answer("sendrecv", true, false)
                + "<recv request=\"ACK\"/>\n"
                + "<recv request=\"BYE\"/>\n"
                + inDialog("200 OK")
                + "</scenario>\n";
    }

    /**
     * A callee whose 180 comes after its 200 (and after the caller's ACK), as a proxy that passes responses on from
     * several threads may deliver them; expects the caller's BYE then.
     */
    static String answeredBeforeRinging() {
        return HEAD + "<scenario name=\"late-ringing\">\n"
                + "<recv request=\"INVITE\"/>\n"
                + reply("100 Trying", "", false)
                + answer("sendrecv", true)
                + "<recv request=\"ACK\"/>\n"
                + reply("180 Ringing", "")
                + "<recv request=\"BYE\"/>\n"
                + inDialog("200 OK")
                + "</scenario>\n";
    }

    /** A callee without telephone-event: DTMF must come as SIP INFO; expects the digit, then the BYE. */
    static String infoDtmf(char digit) {
        return HEAD + "<scenario name=\"info\">\n"
                + "<recv request=\"INVITE\"/>\n"
                + answer("sendrecv", false)
                + "<recv request=\"ACK\"/>\n"
                + "<recv request=\"INFO\"><action>"
                + "<ereg regexp=\"Signal *= *" + digit + "\" search_in=\"body\" check_it=\"true\" assign_to=\"d\"/>"
                + "</action></recv>\n"
                + use("d")
                + inDialog("200 OK")
                + "<recv request=\"BYE\"/>\n"
                + inDialog("200 OK")
                + "</scenario>\n";
    }

    private static final String INVITE = "<send retrans=\"500\"><![CDATA[\n"
            + "INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0\n"
            + "Via: SIP/2.0/UDP [local_ip]:[local_port];branch=[branch];rport\n"
            + "From: \"Sipp Caller\" <sip:sipp@[local_ip]:[local_port]>;tag=[pid]c[call_number]\n"
            + "To: <sip:[service]@[remote_ip]:[remote_port]>\n"
            + "Call-ID: [call_id]\n"
            + "CSeq: 1 INVITE\n"
            + "Contact: <sip:sipp@[local_ip]:[local_port]>\n"
            + "Max-Forwards: 70\n"
            + "Content-Type: application/sdp\n"
            + "Content-Length: [len]\n\n"
            + "v=0\n"
            + "o=sipp 1 1 IN IP4 [local_ip]\n"
            + "s=-\n"
            + "c=IN IP4 [local_ip]\n"
            + "t=0 0\n"
            + "m=audio [media_port] RTP/AVP 0 8 101\n"
            + "a=rtpmap:0 PCMU/8000\n"
            + "a=rtpmap:8 PCMA/8000\n"
            + "a=rtpmap:101 telephone-event/8000\n"
            + "a=ptime:20\n"
            + "a=sendrecv\n"
            + "]]></send>\n";

    private static final String ACK_2XX = "<send><![CDATA[\n"
            + "ACK [next_url] SIP/2.0\n"
            + "Via: SIP/2.0/UDP [local_ip]:[local_port];branch=[branch];rport\n"
            + "From: \"Sipp Caller\" <sip:sipp@[local_ip]:[local_port]>;tag=[pid]c[call_number]\n"
            + "[last_To:]\n"
            + "Call-ID: [call_id]\n"
            + "CSeq: 1 ACK\n"
            + "Max-Forwards: 70\n"
            + "Content-Length: 0\n\n"
            + "]]></send>\n";

    /** A caller that expects to be declined (603) and acknowledges it. */
    static String callDeclined() {
        return HEAD + "<scenario name=\"declined\">\n"
                + INVITE
                + "<recv response=\"100\" optional=\"true\"/>\n"
                + "<recv response=\"180\" optional=\"true\"/>\n"
                + "<recv response=\"183\" optional=\"true\"/>\n"
                + "<recv response=\"603\"/>\n"
                + "<send><![CDATA[\n"
                + "ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0\n"
                + "[last_Via:]\n"
                + "From: \"Sipp Caller\" <sip:sipp@[local_ip]:[local_port]>;tag=[pid]c[call_number]\n"
                + "[last_To:]\n"
                + "Call-ID: [call_id]\n"
                + "CSeq: 1 ACK\n"
                + "Max-Forwards: 70\n"
                + "Content-Length: 0\n\n"
                + "]]></send>\n"
                + "</scenario>\n";
    }

    /** A caller that waits to be answered, acknowledges, and takes the callee's BYE. */
    static String callAnswered() {
        return HEAD + "<scenario name=\"caller\">\n"
                + INVITE
                + "<recv response=\"100\" optional=\"true\"/>\n"
                + "<recv response=\"180\" optional=\"true\"/>\n"
                + "<recv response=\"183\" optional=\"true\"/>\n"
                + "<recv response=\"200\" rrs=\"true\"/>\n"
                + ACK_2XX
                + "<recv request=\"BYE\"/>\n"
                + inDialog("200 OK")
                + "</scenario>\n";
    }
}
