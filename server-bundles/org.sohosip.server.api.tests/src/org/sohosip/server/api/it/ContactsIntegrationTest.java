// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sohosip.server.api.it.ApiTestServer.Response;
import org.sohosip.server.api.it.PhonebookUsers.User;

import com.fasterxml.jackson.databind.JsonNode;

/** The personal phonebook over real HTTPS: CRUD, versions and conflicts, search, and isolation between users. */
class ContactsIntegrationTest {

    private static ApiTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ApiTestServer.get();
    }

    @AfterAll
    static void noSecretsLogged() {
        LogCapture.assertNoSecrets();
    }

    static String contact(String name, String company, String number, String email) throws Exception {
        return server.mapper.writeValueAsString(Map.of("displayName", name, "company", company, "numbers",
                List.of(Map.of("type", "MOBILE", "number", number)), "emails", List.of(email), "groups",
                List.of("Friends")));
    }

    static Response create(User user, String body) throws Exception {
        Response created = ApiTestServer.get().call("POST", "/contacts", user.token(), body);
        assertEquals(201, created.status(), created.raw().body());
        return created;
    }

    private static List<String> names(Response page) {
        List<String> names = new ArrayList<>();
        page.json().path("items").forEach(c -> names.add(c.path("displayName").asText()));
        return names;
    }

    @Test
    void createReadUpdateDeleteWithVersionConflicts() throws Exception {
        User user = PhonebookUsers.create(server, "crud");
        Response created = create(user, contact("  Kate Bell ", "Acme", "(02) 2345-6789", "kate@example.org"));
        JsonNode kate = created.json();
        long id = kate.path("id").asLong();
        assertEquals("/api/v1/contacts/" + id, created.header("Location"));
        assertEquals("Kate Bell", kate.path("displayName").asText(), "stripped");
        assertEquals("(02) 2345-6789", kate.at("/numbers/0/number").asText(), "kept as typed");
        assertEquals("+886223456789", kate.at("/numbers/0/normalized").asText());
        assertEquals(kate, server.call("GET", "/contacts/" + id, user.token(), null).json());

        String change = server.mapper.writeValueAsString(Map.of("displayName", "Kate Bell-Smith", "notes",
                "new notes", "favourite", true, "version", kate.path("version").asLong()));
        Response updated = server.call("PUT", "/contacts/" + id, user.token(), change);
        assertEquals(200, updated.status(), updated.raw().body());
        assertNotEquals(kate.path("version").asLong(), updated.json().path("version").asLong());
        assertEquals("Kate Bell-Smith", updated.json().path("displayName").asText());
        assertEquals(0, updated.json().path("numbers").size(), "PUT replaces the whole contact");

        // Another machine still holds the first version.
        Response stale = server.call("PUT", "/contacts/" + id, user.token(), change);
        assertEquals(409, stale.status());
        assertEquals("conflict", stale.error());
        assertEquals(409, stale.json().path("status").asInt());
        assertTrue(stale.json().path("message").asText().contains("changed elsewhere"));
        assertEquals(updated.json(), stale.json().path("current"), "the answer carries the stored contact");
        assertEquals(updated.json(), server.call("GET", "/contacts/" + id, user.token(), null).json(),
                "nothing was overwritten");

        Response noVersion = server.call("PUT", "/contacts/" + id, user.token(), "{\"displayName\":\"X\"}");
        assertEquals(400, noVersion.status());
        assertTrue(noVersion.json().path("fields").has("version"));

        Response staleDelete = server.call("DELETE", "/contacts/" + id + "?version=" + kate.path("version").asLong(),
                user.token(), null);
        assertEquals(409, staleDelete.status());
        assertEquals(updated.json(), staleDelete.json().path("current"));
        assertEquals(204, server.call("DELETE", "/contacts/" + id + "?version=" + updated.json().path("version")
                .asLong(), user.token(), null).status());
        assertEquals(404, server.call("GET", "/contacts/" + id, user.token(), null).status());
        assertEquals(404, server.call("DELETE", "/contacts/" + id, user.token(), null).status());
        assertEquals(404, server.call("GET", "/contacts/not-a-number", user.token(), null).status());
    }

    @Test
    void invalidContactsNameEveryProblemAndStoreNothing() throws Exception {
        User user = PhonebookUsers.create(server, "bad");
        String body = "{\"displayName\":\" \",\"numbers\":[{\"type\":\"MOBILE\",\"number\":\"call me\"}],"
                + "\"emails\":[\"nobody\"],\"sipAddress\":\"kate@example.org\"}";
        Response refused = server.call("POST", "/contacts", user.token(), body);
        assertEquals(400, refused.status());
        assertEquals("invalid_field", refused.error());
        Set<String> fields = new TreeSet<>();
        refused.json().path("fields").fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("displayName", "numbers[0]", "emails[0]", "sipAddress"), fields);
        assertEquals(400, server.call("POST", "/contacts", user.token(), "{\"displayName\":\"A\",\"age\":3}")
                .status(), "unknown property");
        assertEquals(400, server.call("POST", "/contacts", user.token(),
                "{\"displayName\":\"A\",\"numbers\":[{\"type\":\"PAGER\",\"number\":\"1\"}]}").status(),
                "unknown number type");
        assertEquals(415, server.send("POST", "/contacts", user.token(), "displayName=A", "text/plain").status());
        assertEquals(0, server.call("GET", "/contacts", user.token(), null).json().path("total").asInt());
        assertEquals(401, server.call("GET", "/contacts", null, null).status());
    }

    @Test
    void searchIgnoresCaseAndAccentsAndMatchesNumbersInEitherForm() throws Exception {
        User user = PhonebookUsers.create(server, "search");
        create(user, contact("Élodie Lefèvre", "Café Crème", "+886 2 2345 6789", "elodie@cafe.example"));
        create(user, contact("Bob Stone", "Quarry Ltd", "0912 345 678", "bob@quarry.example"));
        create(user, contact("Ann Lee", "Acme", "3301", "ann@acme.example"));
        assertEquals(List.of("Élodie Lefèvre"), names(search(user, "ELODIE")));
        assertEquals(List.of("Élodie Lefèvre"), names(search(user, "cafe creme")));
        assertEquals(List.of("Élodie Lefèvre"), names(search(user, "0223456789")), "national form");
        assertEquals(List.of("Élodie Lefèvre"), names(search(user, "+886223456789")), "international form");
        assertEquals(List.of("Bob Stone"), names(search(user, "912345")), "digits anywhere in a number");
        assertEquals(List.of("Bob Stone"), names(search(user, "QUARRY.EXAMPLE")), "e-mail");
        assertEquals(List.of("Ann Lee"), names(search(user, "3301")), "an extension");
        assertEquals(List.of(), names(search(user, "nobody")));

        Response page = server.call("GET", "/contacts?sort=-name&offset=1&limit=1", user.token(), null);
        assertEquals(200, page.status());
        assertEquals(3, page.json().path("total").asInt());
        assertEquals(1, page.json().path("offset").asInt());
        assertEquals(List.of("Bob Stone"), names(page), "descending: Élodie, Bob, Ann");
        assertEquals(List.of("Ann Lee", "Élodie Lefèvre", "Bob Stone"), names(server.call("GET",
                "/contacts?sort=company", user.token(), null)));
        for (String bad : List.of("sort=age", "limit=0", "limit=501", "offset=-1", "limit=ten")) {
            Response refused = server.call("GET", "/contacts?" + bad, user.token(), null);
            assertEquals(400, refused.status(), bad);
            assertEquals(1, refused.json().path("fields").size(), bad);
        }
    }

    private static Response search(User user, String q) throws Exception {
        Response page = server.call("GET", "/contacts?q=" + java.net.URLEncoder.encode(q,
                java.nio.charset.StandardCharsets.UTF_8), user.token(), null);
        assertEquals(200, page.status(), page.raw().body());
        return page;
    }

    @Test
    void aUserCanNeverReachAnotherUsersContacts() throws Exception {
        User alice = PhonebookUsers.create(server, "alice");
        User mallory = PhonebookUsers.create(server, "mallory");
        JsonNode secret = create(alice, contact("Secret Source", "Press", "0911 999 888", "source@example.org"))
                .json();
        long id = secret.path("id").asLong();
        long version = secret.path("version").asLong();
        String change = server.mapper.writeValueAsString(Map.of("displayName", "Owned", "version", version));

        Response read = server.call("GET", "/contacts/" + id, mallory.token(), null);
        assertEquals(404, read.status());
        assertEquals("You have no contact with id " + id + ".", read.json().path("message").asText(),
                "the same answer as for an id that does not exist");
        assertEquals(404, server.call("PUT", "/contacts/" + id, mallory.token(), change).status());
        assertEquals(404, server.call("DELETE", "/contacts/" + id, mallory.token(), null).status());
        assertEquals(404, server.call("DELETE", "/contacts/" + id + "?version=" + version, mallory.token(), null)
                .status());
        // Guessing: every id around Alice's is either Mallory's own or not found.
        for (long guess = Math.max(1, id - 20); guess <= id + 20; guess++) {
            assertEquals(404, server.call("GET", "/contacts/" + guess, mallory.token(), null).status(), "id " + guess);
        }
        assertEquals(0, server.call("GET", "/contacts", mallory.token(), null).json().path("total").asInt());
        assertEquals(0, server.call("GET", "/contacts?q=secret", mallory.token(), null).json().path("total").asInt());
        assertEquals(0, server.call("GET", "/contacts?q=0911999888", mallory.token(), null).json().path("total")
                .asInt());
        String export = PhonebookUsers.raw(server, "GET", "/contacts/export?format=csv", mallory.token(), null, null)
                .body();
        assertFalse(export.contains("Secret"), "export holds only one's own contacts");

        assertEquals(secret, server.call("GET", "/contacts/" + id, alice.token(), null).json(), "untouched");
        assertEquals(1, server.call("GET", "/contacts?q=secret", alice.token(), null).json().path("total").asInt());
    }

    @Test
    void directoryListsEnabledColleaguesForEveryone() throws Exception {
        User user = PhonebookUsers.create(server, "dir");
        User gone = PhonebookUsers.create(server, "gone");
        String admin = server.adminToken();
        assertEquals(200, server.call("PATCH", "/accounts/" + gone.id(), admin, "{\"enabled\":false}").status());
        Response all = server.call("GET", "/directory", user.token(), null);
        assertEquals(200, all.status());
        List<String> usernames = new ArrayList<>();
        all.json().forEach(e -> usernames.add(e.path("username").asText()));
        assertTrue(usernames.contains(user.username()));
        assertFalse(usernames.contains(gone.username()), "disabled accounts are not in the directory");
        JsonNode me = server.call("GET", "/directory?q=" + user.username(), user.token(), null).json().get(0);
        assertEquals(Set.of("displayName", "username", "extension", "sipAddress"), fieldNames(me),
                "nothing but what is needed to call");
        assertEquals("sip:" + user.username() + "@" + ApiTestServer.REALM, me.path("sipAddress").asText());
        String extension = me.path("extension").asText();
        assertEquals(user.username(), server.call("GET", "/directory?q=" + extension, user.token(), null).json()
                .get(0).path("username").asText());
    }

    @Test
    void settingsFollowTheUserAndStayTheirs() throws Exception {
        User a = PhonebookUsers.create(server, "seta");
        User b = PhonebookUsers.create(server, "setb");
        assertEquals(server.mapper.readTree("{\"values\":{}}"), server.call("GET", "/me/settings", a.token(), null)
                .json());
        String body = "{\"values\":{\"ringtone\":\"bells.wav\",\"ui.contacts.sort\":\"company\"}}";
        assertEquals(server.mapper.readTree(body), server.call("PUT", "/me/settings", a.token(), body).json());
        String other = server.login(a.username(), PhonebookUsers.PASSWORD).json().path("token").asText();
        assertEquals(server.mapper.readTree(body), server.call("GET", "/me/settings", other, null).json(),
                "another login (another machine) sees the same settings");
        assertEquals(0, server.call("GET", "/me/settings", b.token(), null).json().path("values").size());
        Response bad = server.call("PUT", "/me/settings", a.token(), "{\"values\":{\"Bad Key\":\"x\"}}");
        assertEquals(400, bad.status());
        assertTrue(bad.json().path("fields").has("values.Bad Key"));
        assertEquals(server.mapper.readTree(body), server.call("GET", "/me/settings", a.token(), null).json());
    }

    @Test
    void numberRulesAreServed() throws Exception {
        User user = PhonebookUsers.create(server, "rules");
        assertEquals(server.mapper.readTree("{\"countryCode\":\"886\",\"trunkPrefix\":\"0\","
                + "\"internationalPrefixes\":[\"00\"],\"outsideLinePrefix\":\"\"}"),
                server.call("GET", "/contacts/number-rules", user.token(), null).json());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
