// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import org.sohosip.core.Contact;
import org.sohosip.core.PhoneNumberRules;
import org.sohosip.core.api.ContactData;
import org.sohosip.core.api.ImportPreview;
import org.sohosip.core.api.ImportResult;

/**
 * The logged-in user's personal phonebook. It is kept in memory and in an encrypted cache on this machine, so it
 * stays readable (and editable) while the server cannot be reached; changes made then are queued and sent when the
 * server is back. A queued change that meets a newer change on the server is never applied silently: it becomes a
 * {@link SyncConflict} for the user to decide. Methods that say they block talk to the server: call them off the UI
 * thread.
 *
 * @since 0.1
 */
public interface ContactService {

    /** @return all contacts as last known (server or cache), by name; never blocks */
    List<Contact> contacts();

    /** Reloads from the server after sending queued changes. Blocks. Offline it keeps the cached phonebook. */
    void refresh();

    /**
     * Saves a new contact ({@code id == 0}) or a change ({@code data.version()} must be the version it was made on).
     * Blocks. When the server cannot be reached the change is queued and applied to the local phonebook.
     *
     * @return the contact as stored (or as it will be, when queued)
     * @throws ContactConflictException when the contact changed on the server since that version
     * @throws ApiException             with field messages when fields are invalid
     */
    Contact save(long id, ContactData data);

    /**
     * Deletes a contact (only if unchanged since the version given). Blocks; queued when offline.
     *
     * @throws ContactConflictException when it changed on the server meanwhile
     */
    void delete(Contact contact);

    /** @return whether the last attempt to reach the server failed */
    boolean offline();

    /** @return changes made offline and not yet accepted by the server */
    int pendingChanges();

    /** @return offline changes the server refused because the contact changed there too */
    List<SyncConflict> conflicts();

    /**
     * Settles a conflict. Blocks.
     *
     * @param keepMine {@code true}: apply the offline change over the server's version; {@code false}: drop it
     */
    void resolve(SyncConflict conflict, boolean keepMine);

    /**
     * What importing a vCard or CSV file would do. Blocks; progress is the bytes sent and the total.
     *
     * @throws ClientException "Cancelled." when {@code cancelled} turned true
     */
    ImportPreview previewImport(Path file, BiConsumer<Long, Long> progress, BooleanSupplier cancelled);

    /** Imports a file, all new entries or none, then reloads. Blocks. */
    ImportResult importFile(Path file, BiConsumer<Long, Long> progress, BooleanSupplier cancelled);

    /**
     * Writes the phonebook to a file. Blocks.
     *
     * @param format {@code vcard3}, {@code vcard4} or {@code csv}
     */
    void export(Path target, String format);

    /**
     * The name to show instead of a raw number (incoming call, call list, history, voicemail): the contact whose
     * number matches under the office's number rules ({@code 0223456789} finds {@code +886 2 2345 6789}), else the
     * colleague whose extension or user name it is. Never blocks; works offline.
     *
     * @param number a number, extension or {@code sip:} address as received or dialled
     * @return the display name, if known
     */
    Optional<String> nameForNumber(String number);

    /** @return the office's rules for matching numbers, as the server told them (defaults before the first load) */
    PhoneNumberRules numberRules();

    /** @return the contact whose number matches {@code number}, as for {@link #nameForNumber} */
    Optional<Contact> contactForNumber(String number);

    /**
     * Opens the phonebook saved on this machine when the server cannot be reached at login, so the user still has
     * their numbers after a restart of the client. The copy opens only with the password it was saved with; it is
     * then shown as {@link #offline()} with its queued changes, and changes made now are queued too. A later
     * successful login replaces it with the server's phonebook. Blocks while the key is derived: call it off the UI
     * thread.
     *
     * @param server   the server address the user logs in to
     * @param username the user name
     * @param password the user's password (not kept)
     * @return whether a saved phonebook for that server and user exists and the password opened it
     */
    boolean openOffline(URI server, String username, char[] password);

    /** @param listener told (on any thread) whenever contacts, the offline state, queue or conflicts change */
    void addListener(Runnable listener);

    /** @param listener no longer told */
    void removeListener(Runnable listener);
}
