// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;

import org.sohosip.core.api.MailboxSettings;
import org.sohosip.core.api.MailboxSettingsChange;
import org.sohosip.core.api.VoicemailCounts;
import org.sohosip.core.api.VoicemailFolder;
import org.sohosip.core.api.VoicemailMessage;

/**
 * The logged-in user's voicemail box on the server ({@code /api/v1/me/voicemail}). Heard and unheard are the
 * folders the phone menu uses too: {@link VoicemailFolder#NEW} is unheard, {@link VoicemailFolder#OLD} heard. Every
 * method blocks while talking to the server: call it off the UI thread. Failures are
 * {@link ClientException}s whose message can be shown as it is.
 *
 * @since 0.1
 */
public interface VoicemailService {

    /**
     * @param folder the folder
     * @return its messages, newest first (deleted ones left out)
     */
    List<VoicemailMessage> messages(VoicemailFolder folder);

    /** @return new and old counts, as message waiting reports them */
    VoicemailCounts counts();

    /**
     * The message's audio as a WAV file in this client's cache, fetched in byte ranges the first time (later
     * calls return the cached file at once). The cache is emptied at logout.
     *
     * @param id       the message
     * @param progress told the bytes fetched so far (the total is the message's WAV size)
     * @return the WAV file (16-bit PCM, 8 kHz, mono); read it, do not change it
     */
    Path audio(long id, LongConsumer progress);

    /**
     * @param id     the message
     * @param folder where it goes ({@code OLD} marks it heard, {@code NEW} unheard)
     * @return the message as it is now
     */
    VoicemailMessage move(long id, VoicemailFolder folder);

    /**
     * Deletes a message; the server keeps it restorable for a while ({@link #restore}).
     *
     * @param id the message
     */
    void delete(long id);

    /**
     * @param id a message deleted before
     * @return the message, back in its folder
     */
    VoicemailMessage restore(long id);

    /**
     * Writes the message's audio to a WAV file of the user's choice, completely or not at all.
     *
     * @param id     the message
     * @param target the file to create or replace
     */
    void saveAsWav(long id, Path target);

    /** @return the mailbox settings */
    MailboxSettings settings();

    /**
     * @param change the fields to change ({@code null} fields stay)
     * @return the settings as they are now
     */
    MailboxSettings updateSettings(MailboxSettingsChange change);

    /** @param listener told (on a background thread) after this client changed a message: move, delete, restore */
    void addListener(Runnable listener);

    /** @param listener no longer told */
    void removeListener(Runnable listener);
}
