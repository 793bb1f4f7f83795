// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

/**
 * Finds the Call-ID of a raw SIP datagram without parsing it, so that the socket reader can hand every message of
 * one call to the same worker. Only the header block is scanned; a folded or otherwise odd Call-ID line still gives
 * a stable hash for the same bytes, which is all ordering needs.
 */
final class CallIds {

    private CallIds() {
    }

    /**
     * @return a hash of the Call-ID header value ({@code Call-ID:} or the compact {@code i:}), or 0 when the
     *         datagram has none
     */
    static int hash(byte[] data, int offset, int length) {
        int end = offset + length;
        int line = offset;
        while (line < end) {
            int eol = line;
            while (eol < end && data[eol] != '\n' && data[eol] != '\r') {
                eol++;
            }
            if (eol == line) {
                return 0; // the empty line: end of the headers
            }
            int value = valueStart(data, line, eol);
            if (value >= 0) {
                int stop = eol;
                while (stop > value && (data[stop - 1] == ' ' || data[stop - 1] == '\t')) {
                    stop--;
                }
                int h = 1;
                for (int i = value; i < stop; i++) {
                    h = 31 * h + data[i];
                }
                return h == 0 ? 1 : h;
            }
            line = eol;
            if (line < end && data[line] == '\r') {
                line++;
            }
            if (line < end && data[line] == '\n') {
                line++;
            }
        }
        return 0;
    }

    /** @return where the value starts if the line is a Call-ID header, else -1 */
    private static int valueStart(byte[] data, int from, int to) {
        int name;
        if (matches(data, from, to, "call-id")) {
            name = from + 7;
        } else if (matches(data, from, to, "i")) {
            name = from + 1;
        } else {
            return -1;
        }
        while (name < to && (data[name] == ' ' || data[name] == '\t')) {
            name++;
        }
        if (name >= to || data[name] != ':') {
            return -1;
        }
        name++;
        while (name < to && (data[name] == ' ' || data[name] == '\t')) {
            name++;
        }
        return name;
    }

    private static boolean matches(byte[] data, int from, int to, String lowerName) {
        if (to - from < lowerName.length()) {
            return false;
        }
        for (int i = 0; i < lowerName.length(); i++) {
            int b = data[from + i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lowerName.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
