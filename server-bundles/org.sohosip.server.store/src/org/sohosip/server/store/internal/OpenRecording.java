// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.api.VoicemailMessage;
import org.sohosip.server.store.VoicemailRecording;

/**
 * A {@link VoicemailRecording} whose message row exists but is not complete. {@link #append} only copies into
 * memory, so the caller's (RTP) thread never waits for the database; the {@link RecordingWriter} takes the audio
 * in pieces and commits them for all open recordings together, twice a second.
 */
final class OpenRecording implements VoicemailRecording {

    private enum State {
        OPEN, FINISHED, DISCARDED
    }

    private final long messageId;
    private final RecordingWriter writer;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(VoicemailChunkEntity.MAX_BYTES);
    /** Pieces cut from the buffer and not yet committed, oldest first. */
    private final List<VoicemailChunkEntity> uncommitted = new ArrayList<>();
    private State state = State.OPEN;
    private @Nullable VoicemailMessage finished;
    private int nextSeq;
    private long cutBytes;
    private long appendedBytes;
    private boolean urgent;

    OpenRecording(long messageId, RecordingWriter writer) {
        this.messageId = messageId;
        this.writer = writer;
    }

    long messageId() {
        return messageId;
    }

    @Override
    public synchronized void append(byte[] pcm16le8k, int offset, int length) {
        if (state != State.OPEN) {
            throw new IllegalStateException("The recording of message " + messageId + " is already " + state);
        }
        buffer.write(pcm16le8k, offset, length);
        appendedBytes += length;
        if (buffer.size() >= VoicemailChunkEntity.MAX_BYTES) {
            cut();
        }
    }

    @Override
    public synchronized void markUrgent() {
        if (state != State.OPEN) {
            throw new IllegalStateException("The recording of message " + messageId + " is already " + state);
        }
        urgent = true;
    }

    synchronized boolean urgent() {
        return urgent;
    }

    @Override
    public synchronized long recordedMillis() {
        return Wav.millis(appendedBytes);
    }

    /**
     * Moves whole samples from the buffer into pieces (an odd trailing byte waits for its partner).
     *
     * @return the pieces not yet committed; hand them to {@link #committed} once they are
     */
    synchronized List<VoicemailChunkEntity> cutPending() {
        cut();
        return List.copyOf(uncommitted);
    }

    private void cut() {
        byte[] all = buffer.toByteArray();
        int whole = all.length & ~1;
        int at = 0;
        while (at < whole) {
            int size = Math.min(VoicemailChunkEntity.MAX_BYTES, whole - at);
            uncommitted.add(new VoicemailChunkEntity(messageId, nextSeq++, cutBytes, Arrays.copyOfRange(all, at,
                    at + size)));
            cutBytes += size;
            at += size;
        }
        buffer.reset();
        buffer.write(all, whole, all.length - whole);
    }

    synchronized void committed(List<VoicemailChunkEntity> pieces) {
        uncommitted.removeAll(pieces);
    }

    /** @return bytes of whole samples cut so far: the audio length once every piece is committed */
    synchronized long cutBytes() {
        return cutBytes;
    }

    synchronized boolean isOpen() {
        return state == State.OPEN;
    }

    @Override
    public VoicemailMessage finish() {
        synchronized (this) {
            if (state == State.DISCARDED) {
                throw new IllegalStateException("The recording of message " + messageId + " was discarded");
            }
            VoicemailMessage done = finished;
            if (done != null) {
                return done;
            }
        }
        VoicemailMessage message = writer.finish(this);
        synchronized (this) {
            state = State.FINISHED;
            finished = message;
        }
        return message;
    }

    @Override
    public void discard() {
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
        }
        writer.discard(this);
        synchronized (this) {
            state = State.DISCARDED;
            uncommitted.clear();
            buffer.reset();
        }
    }

    @Override
    public void close() {
        if (isOpen()) {
            finish();
        }
    }
}
