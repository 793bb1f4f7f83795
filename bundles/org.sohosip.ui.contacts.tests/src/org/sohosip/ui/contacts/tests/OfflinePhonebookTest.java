// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.contacts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.sohosip.client.core.ContactService;
import org.sohosip.client.core.SessionService;
import org.sohosip.client.core.SessionState;
import org.sohosip.client.core.SyncConflict;
import org.sohosip.client.core.UserSettingsService;
import org.sohosip.client.core.internal.AuthorizedCalls;
import org.sohosip.client.core.internal.ContactServiceImpl;
import org.sohosip.core.Account;
import org.sohosip.core.Contact;
import org.sohosip.core.PhoneNumber;
import org.sohosip.core.PhoneType;
import org.sohosip.core.api.ContactData;
import org.sohosip.server.store.ContactStore;

/**
 * The offline phonebook with the real client services and the real server behind a relay the test can cut: the
 * encrypted copy, changes queued while offline and sent on reconnect, and a conflicting change kept for the user
 * instead of overwriting the server's newer version.
 */
class OfflinePhonebookTest {

    private static ContactData data(String name, String number, Long version) {
        return new ContactData(name, null, null, List.of(PhoneNumber.of(PhoneType.MOBILE, number)), null, null, null,
                null, null, version);
    }

    @Test
    void offlineChangesAreQueuedSentOnReconnectAndConflictsKept() throws Exception {
        RunningServer server = RunningServer.get();
        Account account = server.user("offliner", "3388");
        SessionService session = server.service(SessionService.class);
        ContactService contacts = server.service(ContactService.class);
        ContactStore store = server.service(ContactStore.class);
        try (Relay relay = new Relay(server.apiPort)) {
            URI viaRelay = URI.create("https://127.0.0.1:" + relay.port);
            session.login(viaRelay, "offliner", RunningServer.PASSWORD.toCharArray(), certificate -> true);
            contacts.refresh();
            Contact alpha = contacts.save(0, data("Alpha", "0911 000 001", null));
            Contact beta = contacts.save(0, data("Beta", "0911 000 002", null));
            assertTrue(alpha.id() > 0 && beta.id() > 0, () -> "saved online: " + alpha + " " + beta + ", offline="
                    + contacts.offline() + ", pending=" + contacts.pendingChanges() + ", session=" + session.state());

            relay.cut();
            Contact alphaOffline = contacts.save(alpha.id(), data("Alpha Offline", "0911 000 001", alpha.version()));
            Contact gamma = contacts.save(0, data("Gamma New", "0911 000 003", null));
            contacts.save(beta.id(), data("Beta Mine", "0911 000 002", beta.version()));
            assertTrue(contacts.offline());
            assertTrue(gamma.id() < 0, "a contact created offline has a local id until the server gives one");
            assertEquals("Alpha Offline", alphaOffline.displayName());
            assertEquals(3, contacts.pendingChanges());
            assertEquals(Optional.of("Gamma New"), contacts.nameForNumber("+886911000003"),
                    "names for numbers work offline, in any form");
            assertEquals(Optional.of("Alpha Offline"), contacts.nameForNumber("0911000001"));
            RunningServer.await("the session to notice", () -> session.state() == SessionState.CONNECTION_LOST);

            // The copy on disk is encrypted: no name in it, and only the user's password opens it.
            Path file = cacheFile("offliner");
            String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertFalse(raw.contains("Alpha") || raw.contains("Gamma") || raw.contains("0911"), "plain text on disk");
            ContactServiceImpl other = new ContactServiceImpl(server.service(AuthorizedCalls.class), session,
                    Path.of(System.getProperty("sohosip.home")));
            assertFalse(other.openOffline(viaRelay, "offliner", "not-the-password".toCharArray()));
            assertTrue(other.openOffline(viaRelay, "offliner", RunningServer.PASSWORD.toCharArray()));
            assertEquals(3, other.pendingChanges(), "the queue survives a restart of the client");
            assertTrue(other.contacts().stream().anyMatch(c -> c.displayName().equals("Gamma New")));
            other.deactivate();

            // Meanwhile another machine changed Beta on the server.
            Contact stored = store.find(account.id(), beta.id()).orElseThrow();
            store.update(account.id(), new Contact(beta.id(), "Beta Elsewhere", "", "", stored.numbers(), List.of(),
                    "", "", false, List.of(), stored.created(), stored.updated(), 0), stored.version());

            relay.restore();
            RunningServer.await("the queue to be sent on reconnect", () -> contacts.pendingChanges() == 0
                    && !contacts.offline());
            assertEquals("Alpha Offline", store.find(account.id(), alpha.id()).orElseThrow().displayName());
            assertTrue(store.all(account.id()).stream().anyMatch(c -> c.displayName().equals("Gamma New")
                    && c.id() > 0));
            assertEquals("Beta Elsewhere", store.find(account.id(), beta.id()).orElseThrow().displayName(),
                    "the newer change on the server was not overwritten");
            List<SyncConflict> conflicts = contacts.conflicts();
            assertEquals(1, conflicts.size());
            assertEquals("Beta Mine", conflicts.get(0).mine().displayName());
            assertEquals("Beta Elsewhere", conflicts.get(0).theirs().displayName());
            assertTrue(contacts.contacts().stream().noneMatch(c -> c.id() < 0), "local ids replaced");

            contacts.resolve(conflicts.get(0), true); // the user keeps their version
            assertEquals("Beta Mine", store.find(account.id(), beta.id()).orElseThrow().displayName());
            assertTrue(contacts.conflicts().isEmpty());
        } finally {
            session.logout();
        }
    }

    @Test
    void settingsFollowTheUserToTheNextLogin() throws Exception {
        RunningServer server = RunningServer.get();
        server.user("mover", "3399");
        SessionService session = server.service(SessionService.class);
        UserSettingsService settings = server.service(UserSettingsService.class);
        session.login(server.uri(), "mover", RunningServer.PASSWORD.toCharArray(), certificate -> true);
        RunningServer.await("settings loaded at login", () -> settings.settings() != null);
        settings.put("ringtone", "bells.wav");
        settings.put("ui.contacts.group", "Suppliers");
        session.logout();
        assertEquals(java.util.Map.of(), settings.settings(), "nothing of the user stays after logout");
        session.login(server.uri(), "mover", RunningServer.PASSWORD.toCharArray(), certificate -> true);
        RunningServer.await("settings loaded at the next login", () -> "bells.wav".equals(settings.settings()
                .get("ringtone")));
        assertEquals(Optional.of("Suppliers"), settings.setting("ui.contacts.group"));
        session.logout();
    }

    private static Path cacheFile(String username) throws Exception {
        try (Stream<Path> files = Files.walk(Path.of(System.getProperty("sohosip.home"), "phonebooks"))) {
            return files.filter(p -> p.getFileName().toString().equals(username + ".bin")).findFirst().orElseThrow();
        }
    }
}
