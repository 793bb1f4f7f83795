// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import javax.crypto.SecretKey;

import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.sohosip.client.core.ApiException;
import org.sohosip.client.core.ClientException;
import org.sohosip.client.core.ContactConflictException;
import org.sohosip.client.core.ContactService;
import org.sohosip.client.core.DirectoryService;
import org.sohosip.client.core.KnownServersFile;
import org.sohosip.client.core.ServerUnreachableException;
import org.sohosip.client.core.SessionEvent;
import org.sohosip.client.core.SessionListener;
import org.sohosip.client.core.SessionService;
import org.sohosip.client.core.SessionState;
import org.sohosip.client.core.SyncConflict;
import org.sohosip.client.core.UserSettingsService;
import org.sohosip.core.Account;
import org.sohosip.core.Contact;
import org.sohosip.core.PhoneNumberRules;
import org.sohosip.core.api.ContactData;
import org.sohosip.core.api.ContactPage;
import org.sohosip.core.api.DirectoryEntry;
import org.sohosip.core.api.ImportPreview;
import org.sohosip.core.api.ImportResult;
import org.sohosip.core.api.UserSettings;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The phonebook, directory and user settings of the logged-in user, over the API with the session's token, with the
 * encrypted offline copy ({@link PhonebookCache}) and the queue of offline changes ({@link PhonebookSync}).
 * Immediate, so that it sees the login (the only moment the password, and so the cache key, is at hand) and can
 * name callers for the softphone before anybody opens the Contacts perspective.
 */
@Component(immediate = true, service = { ContactService.class, DirectoryService.class, UserSettingsService.class })
public final class ContactServiceImpl implements ContactService, DirectoryService, UserSettingsService,
        AuthorizedCalls.LoginObserver, SessionListener {

    static final int PAGE = 500;
    private static final String BASE = "/api/v1";

    private final AuthorizedCalls calls;
    private final SessionService session;
    private final Path clientFolder;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "SOHOSIP phonebook");
        t.setDaemon(true);
        return t;
    });

    private final Object lock = new Object();
    private final PhonebookState state = new PhonebookState();
    private @Nullable PhonebookCache cache;
    private @Nullable SecretKey key;
    private byte[] salt = new byte[0];
    private Map<String, String> settings = Map.of();

    /** Used by Declarative Services. */
    @Activate
    public ContactServiceImpl(@Reference AuthorizedCalls calls, @Reference SessionService session) {
        this(calls, session, KnownServersFile.userFolder());
    }

    /** @param clientFolder where the offline copies live (tests use a temporary folder) */
    public ContactServiceImpl(AuthorizedCalls calls, SessionService session, Path clientFolder) {
        this.calls = calls;
        this.session = session;
        this.clientFolder = clientFolder;
        calls.addLoginObserver(this);
        session.addListener(this);
    }

    @Deactivate
    public void deactivate() {
        calls.removeLoginObserver(this);
        session.removeListener(this);
        worker.shutdownNow();
    }

    // ---- session ----------------------------------------------------------------------------------------------

    @Override
    public void loggedIn(URI server, Account account, char[] password) {
        char[] copy = password.clone(); // the caller wipes its array when login returns
        PhonebookCache file = new PhonebookCache(PhonebookCache.fileFor(clientFolder, server, account.username()));
        synchronized (lock) {
            state.clear();
            settings = Map.of();
            cache = file;
            key = null;
        }
        worker.execute(() -> {
            try {
                byte[] s = file.salt();
                SecretKey k = PhonebookCache.key(copy, s);
                synchronized (lock) {
                    if (cache != file) {
                        return; // logged in again meanwhile
                    }
                    salt = s;
                    key = k;
                }
                loadCache(file, k);
            } finally {
                Arrays.fill(copy, '\0');
            }
            refreshQuietly();
            loadSettings();
        });
    }

    /** Opens the offline copy for reading (and queued editing) when the server cannot be reached at all. */
    @Override
    public boolean openOffline(URI server, String username, char[] password) {
        PhonebookCache file = new PhonebookCache(PhonebookCache.fileFor(clientFolder, server, username));
        if (!Files.exists(file.file())) {
            return false;
        }
        byte[] s = file.salt();
        SecretKey k = PhonebookCache.key(password, s);
        synchronized (lock) {
            state.clear();
            cache = file;
            salt = s;
            key = k;
            state.offline = true;
        }
        return loadCache(file, k);
    }

    @Override
    public void sessionChanged(SessionEvent event) {
        if (event.state() == SessionState.LOGGED_OUT) {
            synchronized (lock) {
                state.clear();
                settings = Map.of();
                key = null; // the cache stays on disk, unreadable without the password
                cache = null;
            }
            changed();
        } else if (event.state() == SessionState.CONNECTION_LOST) {
            synchronized (lock) {
                state.offline = true;
            }
            changed();
        } else if (event.state() == SessionState.LOGGED_IN && offline()) {
            worker.execute(this::refreshQuietly); // back online: send what was queued
        }
    }

    private boolean loadCache(PhonebookCache file, SecretKey k) {
        try {
            Optional<PhonebookCache.Content> content = file.read(k);
            if (content.isPresent()) {
                synchronized (lock) {
                    state.load(content.get());
                }
                changed();
                return true;
            }
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            // Another password (changed since) or a damaged file: the server copy replaces it.
            System.getLogger(ContactServiceImpl.class.getName()).log(System.Logger.Level.WARNING, "The offline"
                    + " phonebook {0} cannot be read ({1}); it will be replaced by the server''s copy. Changes queued"
                    + " in it are lost.", file.file(), e.getClass().getSimpleName());
        }
        return false;
    }

    private void saveCache() {
        PhonebookCache file;
        SecretKey k;
        PhonebookCache.Content content;
        synchronized (lock) {
            file = cache;
            k = key;
            content = state.content();
        }
        if (file != null && k != null) {
            file.write(content, k, salt);
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (ClientException e) {
            // offline or logged out: the cached copy stays; the state says so
        }
    }

    private void loadSettings() {
        try {
            UserSettings loaded = calls.authorized((c, t) -> c.request("GET", BASE + "/me/settings", t, null,
                    new TypeReference<UserSettings>() { }));
            synchronized (lock) {
                settings = loaded == null ? Map.of() : loaded.values();
            }
        } catch (ClientException e) {
            // settings stay as they were; they are loaded again at the next login
        }
    }

    // ---- phonebook --------------------------------------------------------------------------------------------

    @Override
    public List<Contact> contacts() {
        synchronized (lock) {
            return state.contacts();
        }
    }

    @Override
    public void refresh() {
        synchronized (worker) { // one refresh at a time; the queue is sent in order
            try {
                new PhonebookSync(calls, state, lock).sendPending();
                List<Contact> all = new ArrayList<>();
                for (int offset = 0;; offset += PAGE) {
                    int from = offset;
                    ContactPage page = calls.authorized((c, t) -> c.request("GET", BASE + "/contacts?sort=name&limit="
                            + PAGE + "&offset=" + from, t, null, new TypeReference<ContactPage>() { }));
                    all.addAll(page.items());
                    if (page.items().size() < PAGE) {
                        break;
                    }
                }
                List<DirectoryEntry> directory = calls.authorized((c, t) -> c.request("GET", BASE + "/directory", t,
                        null, new TypeReference<List<DirectoryEntry>>() { }));
                PhoneNumberRules rules = calls.authorized((c, t) -> c.request("GET", BASE + "/contacts/number-rules",
                        t, null, new TypeReference<PhoneNumberRules>() { }));
                synchronized (lock) {
                    state.fromServer(all, directory, rules);
                }
            } catch (ServerUnreachableException e) {
                synchronized (lock) {
                    state.offline = true;
                }
                throw e;
            } finally {
                saveCache();
                changed();
            }
        }
    }

    @Override
    public Contact save(long id, ContactData data) {
        PhonebookSync sync = new PhonebookSync(calls, state, lock);
        if (id < 0) {
            // Created offline and not sent yet: the queued creation takes the new fields, then the queue goes out.
            Contact local;
            synchronized (lock) {
                local = state.queue(id, data);
            }
            try {
                synchronized (worker) {
                    sync.sendPending();
                }
            } catch (ServerUnreachableException e) {
                // stays queued
            } finally {
                saveCache();
                changed();
            }
            return local;
        }
        try {
            synchronized (worker) {
                Contact saved = sync.send(id, data);
                synchronized (lock) {
                    state.put(saved);
                    state.offline = false;
                }
                return saved;
            }
        } catch (ServerUnreachableException e) {
            synchronized (lock) {
                return state.queue(id, data);
            }
        } finally {
            saveCache();
            changed();
        }
    }

    @Override
    public void delete(Contact contact) {
        PhonebookSync sync = new PhonebookSync(calls, state, lock);
        try {
            synchronized (worker) {
                sync.delete(contact.id(), contact.version());
                synchronized (lock) {
                    state.remove(contact.id());
                }
            }
        } catch (ServerUnreachableException e) {
            synchronized (lock) {
                state.queueDelete(contact);
            }
        } finally {
            saveCache();
            changed();
        }
    }

    @Override
    public boolean offline() {
        synchronized (lock) {
            return state.offline;
        }
    }

    @Override
    public int pendingChanges() {
        synchronized (lock) {
            return state.pending.size();
        }
    }

    @Override
    public List<SyncConflict> conflicts() {
        synchronized (lock) {
            return List.copyOf(state.conflicts);
        }
    }

    @Override
    public void resolve(SyncConflict conflict, boolean keepMine) {
        try {
            synchronized (worker) {
                new PhonebookSync(calls, state, lock).resolve(conflict, keepMine);
            }
        } finally {
            saveCache();
            changed();
        }
        refreshQuietly();
    }

    // ---- exchange formats -------------------------------------------------------------------------------------

    @Override
    public ImportPreview previewImport(Path file, BiConsumer<Long, Long> progress, BooleanSupplier cancelled) {
        byte[] bytes = read(file);
        return calls.authorized((c, t) -> c.upload(BASE + "/contacts/import/preview", t, bytes, mediaType(file),
                progress, cancelled, new TypeReference<ImportPreview>() { }));
    }

    @Override
    public ImportResult importFile(Path file, BiConsumer<Long, Long> progress, BooleanSupplier cancelled) {
        byte[] bytes = read(file);
        ImportResult result = calls.authorized((c, t) -> c.upload(BASE + "/contacts/import", t, bytes,
                mediaType(file), progress, cancelled, new TypeReference<ImportResult>() { }));
        refreshQuietly();
        return result;
    }

    @Override
    public void export(Path target, String format) {
        byte[] bytes = calls.authorized((c, t) -> c.download(BASE + "/contacts/export?format="
                + URLEncoder.encode(format, StandardCharsets.UTF_8), t));
        try {
            Files.write(target, bytes);
        } catch (IOException e) {
            throw new ClientException("Could not write " + target + ": " + e.getMessage(), e);
        }
    }

    static String mediaType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".vcf") || name.endsWith(".vcard")) {
            return "text/vcard";
        }
        return name.endsWith(".csv") ? "text/csv" : "text/plain";
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ClientException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- names for numbers ------------------------------------------------------------------------------------

    @Override
    public Optional<String> nameForNumber(String number) {
        Optional<Contact> contact = contactForNumber(number);
        if (contact.isPresent()) {
            return Optional.of(contact.get().displayName());
        }
        synchronized (lock) {
            return state.colleague(number).map(DirectoryEntry::displayName);
        }
    }

    @Override
    public PhoneNumberRules numberRules() {
        synchronized (lock) {
            return state.rules;
        }
    }

    @Override
    public Optional<Contact> contactForNumber(String number) {
        synchronized (lock) {
            return state.byNumber(number);
        }
    }

    @Override
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void changed() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                // one broken listener must not keep the others uninformed
            }
        }
    }

    // ---- directory and settings -------------------------------------------------------------------------------

    @Override
    public List<DirectoryEntry> directory() {
        synchronized (lock) {
            return state.directory;
        }
    }

    @Override
    public List<DirectoryEntry> refreshDirectory() {
        List<DirectoryEntry> loaded = calls.authorized((c, t) -> c.request("GET", BASE + "/directory", t, null,
                new TypeReference<List<DirectoryEntry>>() { }));
        synchronized (lock) {
            state.directory = List.copyOf(loaded);
        }
        saveCache();
        return loaded;
    }

    @Override
    public Map<String, String> settings() {
        synchronized (lock) {
            return settings;
        }
    }

    @Override
    public void put(String name, @Nullable String value) {
        Map<String, String> next;
        synchronized (lock) {
            next = new TreeMap<>(settings);
        }
        if (value == null) {
            next.remove(name);
        } else {
            next.put(name, value);
        }
        UserSettings saved = calls.authorized((c, t) -> c.request("PUT", BASE + "/me/settings", t,
                new UserSettings(next), new TypeReference<UserSettings>() { }));
        synchronized (lock) {
            settings = saved == null ? Map.copyOf(next) : saved.values();
        }
    }

    /** @return the phonebook state, for tests */
    PhonebookState state() {
        return state;
    }
}
