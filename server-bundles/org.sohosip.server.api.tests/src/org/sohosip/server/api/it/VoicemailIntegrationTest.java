// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sohosip.core.api.VoicemailMessage;
import org.sohosip.server.api.it.ApiTestServer.Response;
import org.sohosip.server.api.it.PhonebookUsers.User;
import org.sohosip.server.store.VoicemailRecording;
import org.sohosip.server.store.VoicemailStore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The caller's voicemail box over real HTTPS: listing, folders, soft delete and restore, audio with byte ranges,
 * mailbox settings with their validation, and isolation between users. Messages are deposited through the real
 * store, as the voicemail service does.
 */
class VoicemailIntegrationTest {

    private static ApiTestServer server;
    private static VoicemailStore voicemail;

    @BeforeAll
    static void start() throws Exception {
        server = ApiTestServer.get();
        voicemail = server.service(VoicemailStore.class, null);
    }

    @AfterAll
    static void noSecretsLogged() {
        LogCapture.assertNoSecrets();
    }

    static byte[] tone(int millis) {
        ByteBuffer pcm = ByteBuffer.allocate(millis * 16).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < millis * 8; i++) {
            pcm.putShort((short) Math.round(6000 * Math.sin(2 * Math.PI * 440 * i / 8000.0)));
        }
        return pcm.array();
    }

    static VoicemailMessage deposit(User user, String caller, byte[] pcm) {
        try (VoicemailRecording recording = voicemail.startRecording(user.id(), caller, "Caller " + caller, false,
                Instant.now())) {
            recording.append(pcm, 0, pcm.length);
            return recording.finish();
        }
    }

    private static HttpResponse<byte[]> audio(User user, long id, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/me/voicemail/" + id + "/audio"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + user.token()).GET();
        if (range != null) {
            request.header("Range", range);
        }
        return server.client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void listFoldersDeleteAndRestore() throws Exception {
        User user = PhonebookUsers.create(server, "vm");
        VoicemailMessage first = deposit(user, "0223456789", tone(1000));
        VoicemailMessage second = deposit(user, "201", tone(500));

        Response list = server.call("GET", "/me/voicemail", user.token(), null);
        assertEquals(200, list.status(), list.raw().body());
        assertEquals(2, list.json().size());
        JsonNode newest = list.json().path(0);
        assertEquals(second.id(), newest.path("id").asLong(), "newest first");
        assertEquals("201", newest.path("caller").asText());
        assertEquals("Caller 201", newest.path("callerName").asText());
        assertEquals(user.username(), newest.path("mailbox").asText());
        assertEquals(500, newest.path("durationMillis").asLong());
        assertEquals("NEW", newest.path("folder").asText());
        assertEquals(second.receivedAt(), Instant.parse(newest.path("receivedAt").asText()));
        assertEquals(counts(2, 0), server.call("GET", "/me/voicemail/counts", user.token(), null).json());

        Response heard = server.call("PATCH", "/me/voicemail/" + first.id(), user.token(), "{\"folder\":\"OLD\"}");
        assertEquals(200, heard.status(), heard.raw().body());
        assertEquals("OLD", heard.json().path("folder").asText());
        assertEquals(counts(1, 1), server.call("GET", "/me/voicemail/counts", user.token(), null).json());
        Response onlyNew = server.call("GET", "/me/voicemail?folder=NEW", user.token(), null);
        assertEquals(List.of(second.id()), ids(onlyNew.json()));
        Response onlyOld = server.call("GET", "/me/voicemail?folder=old", user.token(), null);
        assertEquals(List.of(first.id()), ids(onlyOld.json()));

        Response deleted = server.call("DELETE", "/me/voicemail/" + second.id(), user.token(), null);
        assertEquals(204, deleted.status(), deleted.raw().body());
        assertEquals(List.of(first.id()), ids(server.call("GET", "/me/voicemail", user.token(), null).json()));
        assertTrue(server.call("GET", "/me/voicemail/" + second.id(), user.token(), null).json().path("deleted")
                .asBoolean(), "a deleted message can still be looked at, to undo");
        Response restored = server.call("POST", "/me/voicemail/" + second.id() + "/restore", user.token(), null);
        assertEquals(200, restored.status(), restored.raw().body());
        assertFalse(restored.json().path("deleted").asBoolean());
        assertEquals(counts(1, 1), server.call("GET", "/me/voicemail/counts", user.token(), null).json());
    }

    @Test
    void badFoldersAreExplained() throws Exception {
        User user = PhonebookUsers.create(server, "vmbad");
        VoicemailMessage message = deposit(user, "301", tone(300));
        Response wrongQuery = server.call("GET", "/me/voicemail?folder=trash", user.token(), null);
        assertEquals(400, wrongQuery.status());
        assertEquals("invalid_field", wrongQuery.error());
        assertTrue(wrongQuery.json().at("/fields/folder").asText().contains("SAVED"), wrongQuery.raw().body());
        for (String body : List.of("{\"folder\":\"TRASH\"}", "{}", "{\"folder\":null}")) {
            Response wrong = server.call("PATCH", "/me/voicemail/" + message.id(), user.token(), body);
            assertEquals(400, wrong.status(), body);
            assertEquals("invalid_field", wrong.error(), body);
            assertTrue(wrong.json().path("fields").has("folder"), body);
        }
        Response unknown = server.call("PATCH", "/me/voicemail/" + message.id(), user.token(), "{\"deleted\":true}");
        assertEquals(400, unknown.status());
        assertEquals("invalid_json", unknown.error());
        assertEquals("NEW", server.call("GET", "/me/voicemail/" + message.id(), user.token(), null).json()
                .path("folder").asText(), "nothing changed");
        assertEquals(404, server.call("GET", "/me/voicemail/abc", user.token(), null).status());
        assertEquals(401, server.call("GET", "/me/voicemail", null, null).status());
    }

    @Test
    void anotherUsersMessageIsLikeAMissingOne() throws Exception {
        User owner = PhonebookUsers.create(server, "vmown");
        User other = PhonebookUsers.create(server, "vmoth");
        VoicemailMessage message = deposit(owner, "401", tone(300));
        long missing = message.id() + 1_000_000;
        for (long id : new long[] { message.id(), missing }) {
            String path = "/me/voicemail/" + id;
            Response get = server.call("GET", path, other.token(), null);
            assertEquals(404, get.status());
            assertEquals("not_found", get.error());
            assertEquals("There is no voicemail message with id " + id + " in your mailbox.",
                    get.json().path("message").asText(), "the same answer for both");
            assertEquals(404, server.call("PATCH", path, other.token(), "{\"folder\":\"SAVED\"}").status());
            assertEquals(404, server.call("DELETE", path, other.token(), null).status());
            assertEquals(404, server.call("POST", path + "/restore", other.token(), null).status());
            HttpResponse<byte[]> audio = audio(other, id, null);
            assertEquals(404, audio.statusCode());
            assertEquals(404, audio(other, id, "bytes=0-10").statusCode());
        }
        assertEquals(0, server.call("GET", "/me/voicemail", other.token(), null).json().size());
        JsonNode mine = server.call("GET", "/me/voicemail/" + message.id(), owner.token(), null).json();
        assertEquals("NEW", mine.path("folder").asText(), "untouched");
        assertFalse(mine.path("deleted").asBoolean());
    }

    @Test
    void audioWithRanges() throws Exception {
        User user = PhonebookUsers.create(server, "vmwav");
        byte[] pcm = tone(2500);
        VoicemailMessage message = deposit(user, "501", pcm);
        int length = 44 + pcm.length;

        HttpResponse<byte[]> whole = audio(user, message.id(), null);
        assertEquals(200, whole.statusCode());
        assertEquals("audio/wav", whole.headers().firstValue("Content-Type").orElse(""));
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));
        assertEquals(String.valueOf(length), whole.headers().firstValue("Content-Length").orElse(""));
        byte[] wav = whole.body();
        assertEquals(length, wav.length);
        assertEquals("RIFF", new String(wav, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(pcm.length, ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).getInt(40));
        assertArrayEquals(pcm, Arrays.copyOfRange(wav, 44, wav.length));

        Map<String, long[]> ranges = Map.of("bytes=0-43", new long[] { 0, 43 }, "bytes=40-1000",
                new long[] { 40, 1000 }, "bytes=39000-", new long[] { 39000, length - 1 }, "bytes=-100",
                new long[] { length - 100, length - 1 }, "bytes=100-999999", new long[] { 100, length - 1 });
        for (Map.Entry<String, long[]> range : ranges.entrySet()) {
            HttpResponse<byte[]> part = audio(user, message.id(), range.getKey());
            long first = range.getValue()[0];
            long last = range.getValue()[1];
            assertEquals(206, part.statusCode(), range.getKey());
            assertEquals("bytes " + first + "-" + last + "/" + length,
                    part.headers().firstValue("Content-Range").orElse(""), range.getKey());
            assertEquals(String.valueOf(last - first + 1), part.headers().firstValue("Content-Length").orElse(""));
            assertArrayEquals(Arrays.copyOfRange(wav, (int) first, (int) last + 1), part.body(), range.getKey());
        }

        for (String unsatisfiable : List.of("bytes=" + length + "-", "bytes=" + (length + 5) + "-" + (length + 9),
                "bytes=-0")) {
            HttpResponse<byte[]> refused = audio(user, message.id(), unsatisfiable);
            assertEquals(416, refused.statusCode(), unsatisfiable);
            assertEquals("bytes */" + length, refused.headers().firstValue("Content-Range").orElse(""));
            JsonNode error = server.mapper.readTree(refused.body());
            assertEquals("range_not_satisfiable", error.path("error").asText());
            assertEquals(416, error.path("status").asInt());
            assertTrue(error.path("message").asText().contains(String.valueOf(length)));
        }
        // A header the server does not serve partially (several ranges, other units): the whole file.
        for (String ignored : List.of("bytes=0-1,5-9", "items=0-4", "bytes=9-2")) {
            HttpResponse<byte[]> full = audio(user, message.id(), ignored);
            assertEquals(200, full.statusCode(), ignored);
            assertArrayEquals(wav, full.body(), ignored);
        }
    }

    @Test
    void mailboxSettingsWithValidation() throws Exception {
        User user = PhonebookUsers.create(server, "vmset");
        Response defaults = server.call("GET", "/me/voicemail/settings", user.token(), null);
        assertEquals(200, defaults.status(), defaults.raw().body());
        assertEquals("en", defaults.json().path("language").asText());
        assertEquals(20, defaults.json().path("noAnswerSeconds").asInt(), "voicemail.noAnswerSeconds default");
        assertFalse(defaults.json().path("pinSet").asBoolean());

        String pin = "80245";
        LogCapture.SECRETS.add("\"" + pin + "\"");
        Response changed = server.call("PUT", "/me/voicemail/settings", user.token(), server.mapper
                .writeValueAsString(Map.of("language", "zh-TW", "noAnswerSeconds", 35, "pin", pin, "smsEnabled",
                        true, "smsNumber", "+886912345678")));
        assertEquals(200, changed.status(), changed.raw().body());
        assertEquals("zh-TW", changed.json().path("language").asText());
        assertEquals(35, changed.json().path("noAnswerSeconds").asInt());
        assertTrue(changed.json().path("pinSet").asBoolean());
        assertFalse(changed.json().has("pin"), "the PIN is never sent back");
        assertFalse(changed.raw().body().contains(pin));
        assertTrue(changed.json().path("smsEnabled").asBoolean());
        assertTrue(voicemail.pinMatches(user.id(), pin));

        Response bad = server.call("PUT", "/me/voicemail/settings", user.token(), server.mapper.writeValueAsString(
                Map.of("language", "fr", "noAnswerSeconds", 500, "pin", "12", "smsNumber", "call me",
                        "emailEnabled", true, "emailAddress", "nobody")));
        assertEquals(400, bad.status());
        assertEquals("invalid_field", bad.error());
        JsonNode fields = bad.json().path("fields");
        assertEquals(java.util.Set.of("language", "noAnswerSeconds", "pin", "smsNumber", "emailAddress"),
                java.util.Set.copyOf(names(fields)));
        assertTrue(fields.path("noAnswerSeconds").asText().contains("5 to 120"), fields.toString());
        assertTrue(fields.path("pin").asText().contains("4 to 10 digits"), fields.toString());
        assertEquals(changed.json(), server.call("GET", "/me/voicemail/settings", user.token(), null).json(),
                "nothing of the bad request was written");

        Response noAddress = server.call("PUT", "/me/voicemail/settings", user.token(), "{\"emailEnabled\":true}");
        assertEquals(400, noAddress.status());
        assertTrue(noAddress.json().path("fields").has("emailAddress"));
        Response wrongType = server.call("PUT", "/me/voicemail/settings", user.token(), "{\"noAnswerSeconds\":\"x\"}");
        assertEquals(400, wrongType.status());
        assertEquals("invalid_json", wrongType.error());
    }

    private static JsonNode counts(int newMessages, int oldMessages) {
        return server.mapper.valueToTree(Map.of("newMessages", newMessages, "oldMessages", oldMessages, "newUrgent",
                0, "oldUrgent", 0));
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new java.util.ArrayList<>();
        array.forEach(m -> ids.add(m.path("id").asLong()));
        return ids;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
