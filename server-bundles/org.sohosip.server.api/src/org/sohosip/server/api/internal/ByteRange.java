// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.Nullable;

/**
 * One inclusive byte range of a file, as an HTTP {@code Range: bytes=...} header asks for it (RFC 9110 section 14).
 * Only a single range is served; a header the server does not understand, or one naming several ranges, is ignored
 * and the whole file is sent, as the RFC allows.
 *
 * @param first first byte, 0-based
 * @param last  last byte, inclusive
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /** The answer to a range that lies wholly outside the file (416). */
    static final class Unsatisfiable extends Exception {

        private static final long serialVersionUID = 1L;

        Unsatisfiable() {
            super(null, null, false, false);
        }
    }

    /**
     * @param header the {@code Range} header, or {@code null}
     * @param length the file's length in bytes
     * @return the range to send; empty for the whole file
     * @throws Unsatisfiable when the range starts at or after the end of the file, or is an empty suffix
     */
    static Optional<ByteRange> parse(@Nullable String header, long length) throws Unsatisfiable {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) { // suffix: the last n bytes
            long n = Long.parseLong(m.group(2));
            if (n == 0 || length == 0) {
                throw new Unsatisfiable();
            }
            return Optional.of(new ByteRange(Math.max(0, length - n), length - 1));
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
        if (last < first) {
            return Optional.empty(); // not a valid range: ignored
        }
        if (first >= length) {
            throw new Unsatisfiable();
        }
        return Optional.of(new ByteRange(first, Math.min(last, length - 1)));
    }

    long size() {
        return last - first + 1;
    }

    /** @return the {@code Content-Range} value for a file of {@code length} bytes */
    String contentRange(long length) {
        return "bytes " + first + "-" + last + "/" + length;
    }
}
