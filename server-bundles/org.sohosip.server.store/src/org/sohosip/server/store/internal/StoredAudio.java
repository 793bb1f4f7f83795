// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;

import org.sohosip.server.store.VoicemailAudio;

/**
 * The audio of a complete message as a WAV file. A range is served by a stream that reads the pieces it covers a
 * few at a time, each batch in its own short transaction, so that playing a three-minute message neither holds a
 * transaction open nor loads the whole message.
 */
final class StoredAudio implements VoicemailAudio {

    /** Pieces read per query: up to about 16 s of audio. */
    private static final int BATCH = 8;

    private final Transactions transactions;
    private final long messageId;
    private final long pcmBytes;

    StoredAudio(Transactions transactions, long messageId, long pcmBytes) {
        this.transactions = transactions;
        this.messageId = messageId;
        this.pcmBytes = pcmBytes;
    }

    @Override
    public long length() {
        return Wav.HEADER_BYTES + pcmBytes;
    }

    @Override
    public long durationMillis() {
        return Wav.millis(pcmBytes);
    }

    @Override
    public InputStream open(long from, long to) {
        if (from < 0 || to < from || to >= length()) {
            throw new IllegalArgumentException("Bytes " + from + "-" + to + " are outside the " + length()
                    + "-byte file");
        }
        InputStream header = InputStream.nullInputStream();
        if (from < Wav.HEADER_BYTES) {
            int end = (int) Math.min(to + 1, Wav.HEADER_BYTES);
            header = new ByteArrayInputStream(Wav.header(pcmBytes), (int) from, end - (int) from);
        }
        if (to < Wav.HEADER_BYTES) {
            return header;
        }
        long pcmFrom = Math.max(0, from - Wav.HEADER_BYTES);
        return new SequenceInputStream(header, new PcmStream(pcmFrom, to - Wav.HEADER_BYTES + 1));
    }

    /** The stored PCM bytes {@code [position, end)}, fetched in batches of pieces. */
    private final class PcmStream extends InputStream {

        private long position;
        private final long end;
        private byte[] window = new byte[0];
        private long windowStart;

        PcmStream(long position, long end) {
            this.position = position;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= end) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            if (position < windowStart || position >= windowStart + window.length) {
                fill();
            }
            int at = (int) (position - windowStart);
            int n = (int) Math.min(Math.min(len, window.length - at), end - position);
            System.arraycopy(window, at, b, off, n);
            position += n;
            return n;
        }

        private void fill() throws IOException {
            List<VoicemailChunkEntity> pieces = transactions.run(em -> em.createQuery(
                    "SELECT c FROM VoicemailChunkEntity c WHERE c.messageId = :id AND c.startByte + c.bytes > :pos"
                            + " ORDER BY c.startByte", VoicemailChunkEntity.class)
                    .setParameter("id", messageId)
                    .setParameter("pos", position)
                    .setMaxResults(BATCH)
                    .getResultList());
            if (pieces.isEmpty() || pieces.get(0).startByte() > position) {
                throw new IOException("The audio of message " + messageId + " is no longer there");
            }
            int size = pieces.stream().mapToInt(p -> p.data().length).sum();
            byte[] joined = new byte[size];
            int at = 0;
            for (VoicemailChunkEntity piece : pieces) {
                System.arraycopy(piece.data(), 0, joined, at, piece.data().length);
                at += piece.data().length;
            }
            window = joined;
            windowStart = pieces.get(0).startByte();
        }
    }
}
