// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sohosip.server.api.it.ApiTestServer.Response;
import org.sohosip.server.api.it.PhonebookUsers.User;

import com.fasterxml.jackson.databind.JsonNode;

/** Import preview and apply, and export, over real HTTPS against the real store. */
class ContactImportIntegrationTest {

    private static ApiTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ApiTestServer.get();
    }

    @AfterAll
    static void noSecretsLogged() {
        LogCapture.assertNoSecrets();
    }

    static String file(String name) throws Exception {
        try (InputStream in = ContactImportIntegrationTest.class.getResourceAsStream("/testdata/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Response upload(User user, String path, String body, String type) throws Exception {
        HttpResponse<String> raw = PhonebookUsers.raw(server, "POST", path, user.token(), body, type);
        return new Response(raw.statusCode(), raw, server.mapper.readTree(raw.body()));
    }

    private static List<String> names(User user) throws Exception {
        List<String> names = new ArrayList<>();
        server.call("GET", "/contacts?limit=500", user.token(), null).json().path("items")
                .forEach(c -> names.add(c.path("displayName").asText()));
        return names;
    }

    @Test
    void previewCountsNewDuplicateAndBadEntriesThenApplyStoresExactlyThat() throws Exception {
        User user = PhonebookUsers.create(server, "imp");
        ContactsIntegrationTest.create(user, "{\"displayName\":\"Good One\",\"numbers\":[{\"type\":\"OFFICE\","
                + "\"number\":\"+886 2 2345 6789\"}]}");
        String vcf = file("malformed.vcf");
        Response preview = upload(user, "/contacts/import/preview", vcf, "text/vcard");
        assertEquals(200, preview.status(), preview.raw().body());
        JsonNode p = preview.json();
        assertEquals("vcard", p.path("format").asText());
        assertEquals(3, p.path("entries").asInt());
        assertEquals(1, p.path("duplicates").asInt(), "Good One with 0223456789 is +886223456789");
        assertEquals(1, p.path("invalid").asInt());
        assertEquals(1, p.path("newEntries").asInt());
        List<Integer> lines = new ArrayList<>();
        p.path("problems").forEach(x -> lines.add(x.path("line").asInt()));
        assertTrue(lines.containsAll(List.of(5, 7, 11)), lines.toString());
        assertEquals("Second Good", p.at("/sample/0/displayName").asText());
        assertEquals(List.of("Good One"), names(user), "a preview stores nothing");

        Response applied = upload(user, "/contacts/import", vcf, "text/vcard");
        assertEquals(200, applied.status(), applied.raw().body());
        assertEquals(server.mapper.readTree("{\"created\":1,\"duplicatesSkipped\":1,\"invalidSkipped\":1}"),
                applied.json());
        assertEquals(List.of("Good One", "Second Good"), names(user));
        Response again = upload(user, "/contacts/import", vcf, "text/vcard");
        assertEquals(0, again.json().path("created").asInt(), "importing the same file twice adds nothing");
    }

    @Test
    void realWorldFilesImportAndCsvIsRecognisedWithAndWithoutByteOrderMark() throws Exception {
        User user = PhonebookUsers.create(server, "real");
        for (String name : List.of("android-outlook-2.1.vcf", "ios-3.0.vcf", "nextcloud-4.0.vcf")) {
            Response applied = upload(user, "/contacts/import", file(name), "text/x-vcard");
            assertEquals(200, applied.status(), name + ": " + applied.raw().body());
            assertEquals(0, applied.json().path("invalidSkipped").asInt(), name);
        }
        Response google = upload(user, "/contacts/import", file("google.csv"), "text/csv");
        assertEquals(2, google.json().path("created").asInt(), google.raw().body());
        String outlook = file("outlook.csv");
        assertTrue(!outlook.startsWith("\uFEFF"));
        Response preview = upload(user, "/contacts/import/preview", outlook, "text/plain");
        assertEquals("csv", preview.json().path("format").asText(), "text/plain without BEGIN:VCARD is CSV");
        assertEquals(1, upload(user, "/contacts/import", outlook, "text/csv").json().path("created").asInt());
        assertEquals(List.of("Ana Souza", "Björn Åberg", "Élodie Lefèvre", "Jürgen Müller", "Kenji Tanaka",
                "Li Wei", "Sven Olsen", "陳志明"), names(user));
        JsonNode chen = server.call("GET", "/contacts?q=0912345678", user.token(), null).json().at("/items/0");
        assertEquals("陳志明", chen.path("displayName").asText(), "found by the normalized mobile number");
    }

    @Test
    void exportThenImportIntoAnEmptyPhonebookLosesNothing() throws Exception {
        User from = PhonebookUsers.create(server, "from");
        ContactsIntegrationTest.create(from, "{\"displayName\":\"Zoë O'Brien, Jr.\",\"company\":\"Acme; Inc.\","
                + "\"title\":\"CTO\",\"numbers\":[{\"type\":\"EXTENSION\",\"number\":\"3301\"},{\"type\":\"FAX\","
                + "\"number\":\"(02) 2345-6790\"},{\"type\":\"HOME\",\"number\":\"+886 2 8765 4321\"}],"
                + "\"emails\":[\"zoe@example.org\",\"z@example.com\"],\"sipAddress\":\"sip:zoe@example.org\","
                + "\"notes\":\"two\\nlines, \\\"quoted\\\"\",\"favourite\":true,\"groups\":[\"VIP\",\"R&D, Lab\"]}");
        ContactsIntegrationTest.create(from, "{\"displayName\":\"Plain\"}");
        List<java.util.Map<String, Object>> original = strip(server.call("GET", "/contacts", from.token(), null).json().path("items"));
        for (String format : List.of("vcard3", "vcard4", "csv")) {
            HttpResponse<String> exported = PhonebookUsers.raw(server, "GET", "/contacts/export?format=" + format,
                    from.token(), null, null);
            assertEquals(200, exported.statusCode());
            assertTrue(exported.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
            User to = PhonebookUsers.create(server, "to");
            String type = exported.headers().firstValue("Content-Type").orElseThrow();
            Response applied = upload(to, "/contacts/import", exported.body(), type);
            assertEquals(2, applied.json().path("created").asInt(), format + ": " + applied.raw().body());
            assertEquals(original, strip(server.call("GET", "/contacts", to.token(), null).json().path("items")),
                    format);
        }
        assertEquals(400, server.call("GET", "/contacts/export?format=xml", from.token(), null).status());
    }

    @Test
    void uploadsNeedATextTypeAndBigFilesImport() throws Exception {
        User user = PhonebookUsers.create(server, "typ");
        assertEquals(415, upload(user, "/contacts/import", "{}", "application/json").status());
        assertEquals(415, upload(user, "/contacts/import/preview", "x", "image/png").status());
        // A big CSV (10,000 rows) is read, previewed with a bounded sample, and stored in one transaction.
        StringBuilder csv = new StringBuilder("Name,Mobile Phone\r\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append("Person ").append(i).append(",0911").append(String.format("%06d", i)).append("\r\n");
        }
        Response preview = upload(user, "/contacts/import/preview", csv.toString(), "text/csv");
        assertEquals(10_000, preview.json().path("newEntries").asInt());
        assertEquals(100, preview.json().path("sample").size());
        Response applied = upload(user, "/contacts/import", csv.toString(), "text/csv");
        assertEquals(10_000, applied.json().path("created").asInt(), applied.raw().body());
        assertEquals(10_000, server.call("GET", "/contacts?limit=1", user.token(), null).json().path("total").asInt());
    }

    /** The fields that must survive a round trip: all but identity, times and version. */
    @SuppressWarnings("unchecked")
    private static List<java.util.Map<String, Object>> strip(JsonNode items) {
        List<java.util.Map<String, Object>> list = server.mapper.convertValue(items, List.class);
        list.forEach(c -> c.keySet().removeAll(List.of("id", "created", "updated", "version")));
        return list;
    }
}
