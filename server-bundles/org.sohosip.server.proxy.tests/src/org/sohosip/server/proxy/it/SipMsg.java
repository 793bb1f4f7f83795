// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A SIP message as text, read leniently: enough for tests to look at start line, headers and parameters. */
final class SipMsg {

    final String text;
    final String startLine;
    final List<String[]> headers = new ArrayList<>();
    final String body;

    private SipMsg(String text) {
        this.text = text;
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        body = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.split("\r\n");
        startLine = lines[0];
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                String name = lines[i].substring(0, colon).trim();
                String value = lines[i].substring(colon + 1).trim();
                if (MULTI.contains(name.toLowerCase(Locale.ROOT))) {
                    for (String one : split(value)) {
                        headers.add(new String[] { name, one });
                    }
                } else {
                    headers.add(new String[] { name, value });
                }
            }
        }
    }

    /** Headers whose comma-separated values are separate entries (RFC 3261 §7.3.1). */
    private static final java.util.Set<String> MULTI = java.util.Set.of("via", "v", "contact", "m", "record-route",
            "route");

    /** Splits at commas outside quotes and angle brackets. */
    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                depth++;
            } else if (!quoted && c == '>') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(value.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(value.substring(start).trim());
        return parts;
    }

    static SipMsg parse(byte[] data, int length) {
        return new SipMsg(new String(data, 0, length, StandardCharsets.UTF_8));
    }

    static SipMsg parse(String text) {
        return new SipMsg(text);
    }

    boolean isResponse() {
        return startLine.startsWith("SIP/2.0 ");
    }

    int status() {
        return isResponse() ? Integer.parseInt(startLine.split(" ")[1]) : 0;
    }

    String method() {
        return isResponse() ? "" : startLine.split(" ")[0];
    }

    String cseqMethod() {
        String cseq = header("CSeq");
        return cseq == null ? "" : cseq.split("\\s+")[1];
    }

    /** @return the first value of a header (long or compact name), or {@code null} */
    String header(String name) {
        List<String> all = headers(name);
        return all.isEmpty() ? null : all.get(0);
    }

    List<String> headers(String name) {
        String compact = switch (name.toLowerCase(Locale.ROOT)) {
            case "via" -> "v";
            case "from" -> "f";
            case "to" -> "t";
            case "call-id" -> "i";
            case "contact" -> "m";
            case "content-length" -> "l";
            default -> "\u0000";
        };
        List<String> values = new ArrayList<>();
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name) || h[0].equalsIgnoreCase(compact)) {
                values.add(h[1]);
            }
        }
        return values;
    }

    /** @return a parameter of a header value ({@code tag}, {@code nonce}, ...), unquoted */
    static String param(String value, String name) {
        Matcher m = Pattern.compile("(?i)(?:^|[;,\\s])" + Pattern.quote(name) + "=(\"([^\"]*)\"|[^;,\\s]*)")
                .matcher(value);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    /** The text with the values that legitimately differ between answers (tags, nonces) blanked out. */
    String withoutNoncesAndTags() {
        return text.replaceAll("tag=[^;,\\s>]+", "tag=*").replaceAll("nonce=\"[^\"]*\"", "nonce=\"*\"")
                .replaceAll("branch=[^;,\\s]+", "branch=*").replaceAll("rport=\\d+", "rport=*");
    }

    @Override
    public String toString() {
        return text;
    }
}
