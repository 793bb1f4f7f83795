// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.sohosip.core.api.MailboxSettings;
import org.sohosip.core.api.VoicemailCounts;
import org.sohosip.core.api.VoicemailMessage;
import org.sohosip.server.store.VoicemailAudio;
import org.sohosip.server.store.VoicemailListener;

/** Test audio, WAV reading and a listener that queues what it is told, for the voicemail tests. */
final class VoicemailAudioData {

    static final int BYTES_PER_SECOND = 16_000;

    private VoicemailAudioData() {
    }

    /** @return {@code millis} of a sine tone, 8 kHz 16-bit mono little-endian */
    static byte[] tone(double hertz, int millis) {
        int samples = millis * 8;
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            pcm.putShort((short) Math.round(8000 * Math.sin(2 * Math.PI * hertz * i / 8000.0)));
        }
        return pcm.array();
    }

    static byte[] read(VoicemailAudio audio, long from, long to) {
        try (InputStream in = audio.open(from, to)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the PCM of a WAV file made by the store (after its 44-byte header) */
    static byte[] pcmOf(VoicemailAudio audio) {
        byte[] wav = read(audio, 0, audio.length() - 1);
        byte[] pcm = new byte[wav.length - 44];
        System.arraycopy(wav, 44, pcm, 0, pcm.length);
        return pcm;
    }

    /** Appends audio in 20 ms frames, as the RTP recorder does. */
    static void appendInFrames(org.sohosip.server.store.VoicemailRecording recording, byte[] pcm) {
        for (int at = 0; at < pcm.length; at += 320) {
            recording.append(pcm, at, Math.min(320, pcm.length - at));
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A listener that queues what it is told. */
    static final class Recorder implements VoicemailListener {

        record Change(long accountId, String username, VoicemailCounts counts) {
        }

        final BlockingQueue<Change> changes = new LinkedBlockingQueue<>();
        /** A deposit as told, with the mailbox's settings at that moment. */
        record Deposit(VoicemailMessage message, MailboxSettings settings) {
        }

        final BlockingQueue<Deposit> deposits = new LinkedBlockingQueue<>();

        @Override
        public void mailboxChanged(long accountId, String username, VoicemailCounts counts) {
            changes.add(new Change(accountId, username, counts));
        }

        @Override
        public void messageDeposited(VoicemailMessage message, MailboxSettings mailbox) {
            deposits.add(new Deposit(message, mailbox));
        }

        /** Waits for the next change of {@code accountId}, skipping others. */
        Change nextChange(long accountId) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                Change change = changes.poll(100, TimeUnit.MILLISECONDS);
                if (change != null && change.accountId() == accountId) {
                    return change;
                }
            }
            throw new AssertionError("No mailbox change of account " + accountId + " was told within 10 s");
        }

        /** Waits until a change of {@code accountId} carries {@code expected} (earlier changes may still arrive). */
        void awaitCounts(long accountId, VoicemailCounts expected) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            VoicemailCounts last = null;
            while (System.nanoTime() < deadline) {
                Change change = changes.poll(100, TimeUnit.MILLISECONDS);
                if (change != null && change.accountId() == accountId) {
                    last = change.counts();
                    if (last.equals(expected)) {
                        return;
                    }
                }
            }
            throw new AssertionError("Account " + accountId + " was not told " + expected + " within 10 s; last "
                    + last);
        }

        /**
         * Waits for the next deposit into the mailbox of {@code accountId}, skipping others (a test before may still
         * be told of its own).
         */
        Deposit nextDeposit(long accountId) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                Deposit deposit = deposits.poll(100, TimeUnit.MILLISECONDS);
                if (deposit != null && deposit.message().mailboxAccountId() == accountId) {
                    return deposit;
                }
            }
            throw new AssertionError("No deposit into the mailbox of account " + accountId + " was told within 10 s");
        }

        void clear() {
            changes.clear();
            deposits.clear();
        }
    }
}
