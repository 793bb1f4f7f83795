// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Doubles a '.' that starts a line (RFC 5321 4.5.2), so the message text can never end the DATA phase early.
 * {@link #close()} does not close the connection underneath.
 */
final class DotStuffingOutputStream extends FilterOutputStream {

    private boolean lineStart = true;

    DotStuffingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (lineStart && b == '.') {
            out.write('.');
        }
        out.write(b);
        lineStart = b == '\n';
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (lineStart && b[i] == '.') {
                out.write(b, start, i - start);
                out.write('.');
                start = i;
            }
            lineStart = b[i] == '\n';
        }
        out.write(b, start, off + len - start);
    }

    /** @return whether the last byte written ended a line */
    boolean atLineStart() {
        return lineStart;
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
