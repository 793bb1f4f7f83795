// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;

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

    /** Single-value headers (RFC 3261 §7.3.3, §20) ... */
    private static final String[] CANONICAL = { "Call-ID", "CSeq", "From", "To", "Max-Forwards", "Content-Length" };
    /** ... by their full and compact names, each with its index in {@link #CANONICAL}. */
    private static final String[] SINGLE_NAMES = { "call-id", "i", "cseq", "from", "f", "to", "t", "max-forwards",
        "content-length", "l" };
    private static final int[] SINGLE_INDEX = { 0, 0, 1, 2, 2, 3, 3, 4, 5, 5 };

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
        // Runs on every message the proxy receives: index arithmetic, no splitting or copying of lines.
        int seen = 0;
        int lineStart = head.indexOf('\n') + 1; // after the start line
        if (lineStart == 0) {
            return null;
        }
        while (lineStart < head.length()) {
            int lineEnd = head.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = head.length();
            }
            char first = head.charAt(lineStart);
            int colon = head.indexOf(':', lineStart);
            // a line starting with white space is a folded continuation of the previous header
            if (first != ' ' && first != '\t' && first != '\r' && colon > lineStart && colon < lineEnd) {
                int nameEnd = colon;
                while (nameEnd > lineStart && (head.charAt(nameEnd - 1) == ' ' || head.charAt(nameEnd - 1) == '\t')) {
                    nameEnd--;
                }
                int header = singleHeader(head, lineStart, nameEnd);
                if (header >= 0) {
                    if ((seen & (1 << header)) != 0) {
                        return CANONICAL[header];
                    }
                    seen |= 1 << header;
                }
            }
            lineStart = lineEnd + 1;
        }
        return null;
    }

    /** @return the index in {@link #CANONICAL} of the single-value header named at {@code from..to}, or -1 */
    private static int singleHeader(String head, int from, int to) {
        int length = to - from;
        for (int i = 0; i < SINGLE_NAMES.length; i++) {
            if (SINGLE_NAMES[i].length() == length && head.regionMatches(true, from, SINGLE_NAMES[i], 0, length)) {
                return SINGLE_INDEX[i];
            }
        }
        return -1;
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
