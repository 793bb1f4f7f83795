// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * The stack's parser with two checks JAIN-SIP leaves out (RFC 4475 §3.1.2.16, §3.3.8, §3.3.9). JAIN-SIP keeps the
 * first of repeated single-value headers and drops the rest, so a request with two Call-IDs, CSeqs, Froms, Tos,
 * Max-Forwards or Content-Lengths would be handled as if it were well formed: here it is a parse error, which the
 * stack answers with 400 Bad Request. JAIN-SIP also reads any protocol version in a request line as 2.0: here the
 * version sent is kept, so the proxy answers 505 Version Not Supported. The stack creates this factory by name
 * (stack property {@value #PROPERTY}).
 */
public final class StrictMessageParserFactory implements MessageParserFactory {

    static final String PROPERTY = "gov.nist.javax.sip.MESSAGE_PARSER_FACTORY";

    /** Single-value headers by their full and compact names (RFC 3261 §7.3.3, §20). */
    private static final Map<String, String> SINGLE = Map.ofEntries(Map.entry("call-id", "Call-ID"),
            Map.entry("i", "Call-ID"), Map.entry("cseq", "CSeq"), Map.entry("from", "From"), Map.entry("f", "From"),
            Map.entry("to", "To"), Map.entry("t", "To"), Map.entry("max-forwards", "Max-Forwards"),
            Map.entry("content-length", "Content-Length"), Map.entry("l", "Content-Length"));

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        return new Strict();
    }

    /** The checks, on the raw header block: they need only the header names and the request line. */
    static final class Strict extends StringMsgParser {

        @Override
        public SIPMessage parseSIPMessage(byte[] raw, boolean readBody, boolean strict,
                @Nullable ParseExceptionListener listener) throws ParseException {
            String head = headerBlock(raw);
            String duplicate = repeatedSingleHeader(head);
            if (duplicate != null) {
                throw new ParseException("More than one " + duplicate + " header", 0);
            }
            SIPMessage message = super.parseSIPMessage(raw, readBody, strict, listener);
            String version = requestVersion(head);
            if (message instanceof SIPRequest request && version != null && request.getRequestLine() != null
                    && !"SIP/2.0".equalsIgnoreCase(version)) {
                request.getRequestLine().setSipVersion(version);
            }
            return message;
        }
    }

    /** @return the start line and headers, up to the first empty line */
    static String headerBlock(byte[] raw) {
        int start = 0;
        while (start < raw.length && (raw[start] == '\r' || raw[start] == '\n')) {
            start++; // keep-alive line breaks before a message
        }
        int end = start;
        while (end < raw.length) {
            if (raw[end] == '\n' && (end + 1 >= raw.length || raw[end + 1] == '\n'
                    || (raw[end + 1] == '\r' && end + 2 < raw.length && raw[end + 2] == '\n'))) {
                break;
            }
            end++;
        }
        return new String(raw, start, Math.min(end, raw.length) - start, StandardCharsets.ISO_8859_1);
    }

    /** @return the name of a single-value header that occurs more than once, or {@code null} */
    static @Nullable String repeatedSingleHeader(String head) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        String[] lines = head.split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                continue; // a folded continuation of the previous header
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String canonical = SINGLE.get(line.substring(0, colon).strip().toLowerCase(Locale.ROOT));
            if (canonical != null && !seen.add(canonical)) {
                return canonical;
            }
        }
        return null;
    }

    /** @return the protocol version at the end of a request line, or {@code null} for a response */
    static @Nullable String requestVersion(String head) {
        int eol = head.indexOf('\n');
        String first = (eol < 0 ? head : head.substring(0, eol)).strip();
        if (first.regionMatches(true, 0, "SIP/", 0, 4)) {
            return null; // a status line
        }
        int space = first.lastIndexOf(' ');
        return space < 0 ? null : first.substring(space + 1);
    }
}
