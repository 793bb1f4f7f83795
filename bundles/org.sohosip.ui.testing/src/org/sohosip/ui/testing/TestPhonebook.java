// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import org.sohosip.client.core.ContactService;
import org.sohosip.client.core.SyncConflict;
import org.sohosip.core.Contact;
import org.sohosip.core.PhoneNumberRules;
import org.sohosip.core.api.ContactData;
import org.sohosip.core.api.ImportPreview;
import org.sohosip.core.api.ImportResult;

/**
 * An in-test implementation of the public {@link ContactService} interface that knows names for numbers and nothing
 * else. The softphone and history UI tests run against in-test servers without the phonebook API, so the real
 * service has no phonebook to load there; what those parts need from it is only {@link #nameForNumber(String)}
 * (the real matching under the office's number rules is tested with the real service and server in the client
 * core and contacts tests). A number given as {@code sip:user@host} is looked up by its user part, as the real
 * service does. Everything else throws, so a part that starts to rely on more is noticed.
 *
 * @since 0.1
 */
public final class TestPhonebook implements ContactService {

    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile char[] savedWith = {};
    private volatile boolean offline;

    /**
     * Knows one more name and tells the listeners, as the real service does after a load.
     *
     * @param number the number as it will be asked for
     * @param name   the contact's name
     * @return this phonebook
     */
    public TestPhonebook put(String number, String name) {
        names.put(number, name);
        listeners.forEach(Runnable::run);
        return this;
    }

    /**
     * Pretends a phonebook was saved on this machine with that password, for {@link #openOffline}.
     *
     * @param password the password that opens it
     * @return this phonebook
     */
    public TestPhonebook savedWith(String password) {
        savedWith = password.toCharArray();
        return this;
    }

    /** Opens only with the password given to {@link #savedWith}; then it is offline, as the real one. */
    @Override
    public boolean openOffline(URI server, String username, char[] password) {
        boolean opens = savedWith.length > 0 && Arrays.equals(savedWith, password);
        offline = opens;
        return opens;
    }

    /** @return how many listeners are registered (a part must remove its own when it closes) */
    public int listenerCount() {
        return listeners.size();
    }

    @Override
    public Optional<String> nameForNumber(String number) {
        String n = number.startsWith("sip:") ? number.substring(4) : number;
        int at = n.indexOf('@');
        return Optional.ofNullable(names.get(at < 0 ? n : n.substring(0, at)));
    }

    @Override
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    @Override
    public boolean offline() {
        return offline;
    }

    @Override
    public List<Contact> contacts() {
        throw unsupported();
    }

    @Override
    public void refresh() {
        throw unsupported();
    }

    @Override
    public Contact save(long id, ContactData data) {
        throw unsupported();
    }

    @Override
    public void delete(Contact contact) {
        throw unsupported();
    }

    @Override
    public int pendingChanges() {
        return 0;
    }

    @Override
    public List<SyncConflict> conflicts() {
        return List.of();
    }

    @Override
    public void resolve(SyncConflict conflict, boolean keepMine) {
        throw unsupported();
    }

    @Override
    public ImportPreview previewImport(Path file, BiConsumer<Long, Long> progress, BooleanSupplier cancelled) {
        throw unsupported();
    }

    @Override
    public ImportResult importFile(Path file, BiConsumer<Long, Long> progress, BooleanSupplier cancelled) {
        throw unsupported();
    }

    @Override
    public void export(Path target, String format) {
        throw unsupported();
    }

    @Override
    public PhoneNumberRules numberRules() {
        throw unsupported();
    }

    @Override
    public Optional<Contact> contactForNumber(String number) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("not needed by the parts under test");
    }
}
