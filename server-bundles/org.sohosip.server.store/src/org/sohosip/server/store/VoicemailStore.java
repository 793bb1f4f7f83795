// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.api.MailboxSettings;
import org.sohosip.core.api.MailboxSettingsChange;
import org.sohosip.core.api.VoicemailCounts;
import org.sohosip.core.api.VoicemailFolder;
import org.sohosip.core.api.VoicemailMessage;

/**
 * The voicemail boxes: messages with their audio, greetings and mailbox settings. Every method names the mailbox
 * owner's account id and only ever sees that owner's mailbox: a message of another mailbox behaves exactly like one
 * that does not exist. Changes are told to the {@link VoicemailListener}s after they are committed.
 *
 * @since 0.1
 */
public interface VoicemailStore {

    /**
     * Starts recording a new message. The message is not listed or counted until the recording is finished.
     *
     * @param mailboxAccountId the mailbox owner's account id
     * @param caller           the caller's number or user name as presented
     * @param callerName       the caller's display name, if the call carried one
     * @param urgent           marked urgent by the caller
     * @param receivedAt       when the caller started speaking to the mailbox
     * @throws NoSuchAccountException when there is no such account
     * @throws MailboxFullException   when the mailbox already holds {@code voicemail.maxMessages} messages (check
     *                                {@link #messageCount} first to play a notice instead)
     */
    VoicemailRecording startRecording(long mailboxAccountId, String caller, @Nullable String callerName,
            boolean urgent, Instant receivedAt);

    /**
     * @param folder only this folder, or {@code null} for all folders
     * @return the finished, not deleted messages, newest first
     */
    List<VoicemailMessage> messages(long accountId, @Nullable VoicemailFolder folder);

    /** @return the finished message, also when it is deleted but not yet purged; empty when there is none */
    Optional<VoicemailMessage> message(long accountId, long id);

    /** @return the message's audio; empty when there is no such finished message */
    Optional<VoicemailAudio> audio(long accountId, long id);

    /**
     * Moves a message to another folder ({@code OLD} once heard, {@code NEW} to mark it unheard again).
     *
     * @throws NoSuchVoicemailException when there is no such message
     */
    VoicemailMessage move(long accountId, long id, VoicemailFolder folder);

    /**
     * Deletes a message softly (it can be restored until it is purged) or restores it.
     *
     * @throws NoSuchVoicemailException when there is no such message
     */
    VoicemailMessage setDeleted(long accountId, long id, boolean deleted);

    /** @return the message-waiting counts of the mailbox (deleted messages not counted) */
    VoicemailCounts counts(long accountId);

    /** @return the number of finished, not deleted messages (what the mailbox limit counts) */
    int messageCount(long accountId);

    /**
     * @param defaultNoAnswerSeconds what to answer for the ring time when the owner never chose one
     * @return the mailbox's settings; defaults when the owner never changed any
     */
    MailboxSettings settings(long accountId, int defaultNoAnswerSeconds);

    /**
     * Changes the fields of {@code change} that are not {@code null}; a new PIN is stored hashed. Values are
     * expected to be valid already (the API checks them and names the field at fault).
     *
     * @return the settings now stored
     * @throws NoSuchAccountException   when there is no such account
     * @throws IllegalArgumentException when a value is out of range
     */
    MailboxSettings updateSettings(long accountId, MailboxSettingsChange change);

    /**
     * Checks a PIN typed on the phone (constant time). The PIN is never logged.
     *
     * @return {@code true} only when a PIN is set and {@code pin} is it
     */
    boolean pinMatches(long accountId, String pin);

    /** @return the greeting's audio (8 kHz 16-bit mono little-endian PCM); empty when the owner recorded none */
    Optional<byte[]> greeting(long accountId, GreetingKind kind);

    /**
     * Stores a greeting, replacing the previous one; an empty array removes it.
     *
     * @param pcm16le8k 8 kHz 16-bit mono little-endian PCM
     * @throws NoSuchAccountException when there is no such account
     */
    void setGreeting(long accountId, GreetingKind kind, byte[] pcm16le8k);

    /**
     * Closes the recordings a crash left open: one at least the minimum message length becomes a finished
     * {@code NEW} message with the audio committed before the crash, a shorter one is removed. The store calls this
     * when it starts, before it offers this service.
     *
     * @return how many recordings were kept as messages
     */
    int recoverUnfinished();
}
