// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.voicemail.tests;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sohosip.client.core.internal.Json;
import org.sohosip.core.Account;
import org.sohosip.core.MailboxRules;
import org.sohosip.core.api.ApiError;
import org.sohosip.core.api.LoginResponse;
import org.sohosip.core.api.MailboxSettings;
import org.sohosip.core.api.MailboxSettingsChange;
import org.sohosip.core.api.VoicemailCounts;
import org.sohosip.core.api.VoicemailFolder;
import org.sohosip.core.api.VoicemailMessage;
import org.sohosip.ui.testing.LoopbackHttps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsServer;

/**
 * A real HTTPS endpoint on a free loopback port with alice's mailbox, answering login and the voicemail endpoints
 * as the API contract says (list by folder newest first, counts, WAV audio in byte ranges, move, soft delete and
 * restore), so that the Voicemail part runs against the real client services.
 */
final class MailboxServer implements AutoCloseable {

    volatile MailboxSettings settings = new MailboxSettings("en", 20, false, false, null, false, null);
    private final Map<Long, VoicemailMessage> messages = new ConcurrentHashMap<>();
    private final Map<Long, byte[]> audio = new ConcurrentHashMap<>();
    private final HttpsServer server;
    private final ObjectMapper json = Json.mapper();

    MailboxServer(Path dir) throws Exception {
        server = LoopbackHttps.start(dir, this::handle);
    }

    URI uri() {
        return LoopbackHttps.uri(server);
    }

    /** Leaves a message in alice's NEW folder with {@code pcm} (8 kHz) as its audio. */
    VoicemailMessage deposit(long id, String caller, String callerName, String receivedAt, boolean urgent,
            short[] pcm) {
        VoicemailMessage m = new VoicemailMessage(id, 1, "alice", caller, callerName, Instant.parse(receivedAt),
                pcm.length / 8, VoicemailFolder.NEW, urgent, false);
        messages.put(id, m);
        audio.put(id, wav(pcm));
        return m;
    }

    VoicemailMessage message(long id) {
        return messages.get(id);
    }

    byte[] wavOf(long id) {
        return audio.get(id);
    }

    VoicemailCounts counts() {
        int[] c = new int[4];
        messages.values().stream().filter(m -> !m.deleted()).forEach(m -> {
            int k = m.folder() == VoicemailFolder.NEW ? 0 : 1;
            c[k]++;
            c[k + 2] += m.urgent() ? 1 : 0;
        });
        return new VoicemailCounts(c[0], c[1], c[2], c[3]);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** @return 16-bit PCM, 8 kHz, mono, with the canonical 44-byte header */
    static byte[] wav(short[] pcm) {
        ByteBuffer b = ByteBuffer.allocate(44 + pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + pcm.length * 2).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(pcm.length * 2);
        for (short s : pcm) {
            b.putShort(s);
        }
        return b.array();
    }

    private void handle(HttpExchange x) throws IOException {
        String route = x.getRequestMethod() + " " + x.getRequestURI().getPath();
        String base = "/api/v1/me/voicemail";
        Matcher id = Pattern.compile("(\\w+) " + base + "/(\\d+)(/audio|/restore)?").matcher(route);
        if (route.equals("POST /api/v1/auth/login")) {
            send(x, 200, new LoginResponse("tok-voicemail", Instant.now().plusSeconds(3600),
                    new Account(1, "alice", "Alice", "3301", List.of(), false, true)));
        } else if (route.equals("POST /api/v1/auth/logout")) {
            send(x, 204, null);
        } else if (route.equals("GET " + base)) {
            String q = x.getRequestURI().getRawQuery();
            VoicemailFolder f = VoicemailFolder.valueOf(q.substring(q.indexOf('=') + 1));
            send(x, 200, messages.values().stream().filter(m -> !m.deleted() && m.folder() == f)
                    .sorted(Comparator.comparing(VoicemailMessage::receivedAt).reversed()).toList());
        } else if (route.equals("GET " + base + "/counts")) {
            send(x, 200, counts());
        } else if (route.equals("GET " + base + "/settings")) {
            send(x, 200, settings);
        } else if (route.equals("PUT " + base + "/settings")) {
            settings(json.readValue(x.getRequestBody(), MailboxSettingsChange.class), x);
        } else if (id.matches() && messages.containsKey(Long.parseLong(id.group(2)))) {
            message(x, id.group(1), messages.get(Long.parseLong(id.group(2))), id.group(3));
        } else {
            send(x, 404, new ApiError(404, "not_found", "No such resource.", Map.of()));
        }
    }

    /** Checks the change with the rules the real server enforces, all fields before writing any. */
    private void settings(MailboxSettingsChange c, HttpExchange x) throws IOException {
        Map<String, String> problems = MailboxRules.check(c, settings.smsNumber(), settings.emailAddress());
        if (!problems.isEmpty()) {
            send(x, 400, new ApiError(400, "invalid_field", "Some fields are not valid.", problems));
            return;
        }
        MailboxSettings s = settings;
        settings = new MailboxSettings(c.language() != null ? c.language() : s.language(),
                c.noAnswerSeconds() != null ? c.noAnswerSeconds() : s.noAnswerSeconds(), s.pinSet() || c.pin() != null,
                c.smsEnabled() != null ? c.smsEnabled() : s.smsEnabled(),
                c.smsNumber() != null ? c.smsNumber() : s.smsNumber(),
                c.emailEnabled() != null ? c.emailEnabled() : s.emailEnabled(),
                c.emailAddress() != null ? c.emailAddress() : s.emailAddress());
        send(x, 200, settings);
    }

    private void message(HttpExchange x, String method, VoicemailMessage m, String tail) throws IOException {
        switch (method + (tail == null ? "" : tail)) {
            case "GET/audio" -> range(x, audio.get(m.id()));
            case "PATCH" -> {
                VoicemailFolder f = VoicemailFolder.valueOf(json.readTree(x.getRequestBody()).get("folder").asText());
                send(x, 200, put(m, f, false));
            }
            case "DELETE" -> {
                put(m, m.folder(), true);
                send(x, 204, null);
            }
            case "POST/restore" -> send(x, 200, put(m, m.folder(), false));
            default -> send(x, 405, new ApiError(405, "method_not_allowed", "Not allowed.", Map.of()));
        }
    }

    private VoicemailMessage put(VoicemailMessage m, VoicemailFolder f, boolean deleted) {
        VoicemailMessage n = new VoicemailMessage(m.id(), 1, "alice", m.caller(), m.callerName(), m.receivedAt(),
                m.durationMillis(), f, m.urgent(), deleted);
        messages.put(n.id(), n);
        return n;
    }

    private void range(HttpExchange x, byte[] file) throws IOException {
        Matcher r = Pattern.compile("bytes=(\\d+)-(\\d+)").matcher(String.valueOf(x.getRequestHeaders()
                .getFirst("Range")));
        int from = r.matches() ? Integer.parseInt(r.group(1)) : 0;
        int to = r.matches() ? (int) Math.min(Long.parseLong(r.group(2)), file.length - 1) : file.length - 1;
        x.getResponseHeaders().set("Content-Type", "audio/wav");
        x.getResponseHeaders().set("Accept-Ranges", "bytes");
        x.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + file.length);
        x.sendResponseHeaders(206, to - from + 1);
        x.getResponseBody().write(file, from, to - from + 1);
        x.close();
    }

    private void send(HttpExchange x, int status, Object body) throws IOException {
        if (body == null) {
            x.sendResponseHeaders(status, -1);
            x.close();
            return;
        }
        byte[] bytes = json.writeValueAsBytes(body);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }
}
