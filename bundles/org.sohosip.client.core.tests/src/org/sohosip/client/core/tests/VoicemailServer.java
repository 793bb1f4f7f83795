// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import org.sohosip.client.core.internal.Json;
import org.sohosip.core.Account;
import org.sohosip.core.api.ApiError;
import org.sohosip.core.api.LoginResponse;
import org.sohosip.core.api.MailboxSettings;
import org.sohosip.core.api.MailboxSettingsChange;
import org.sohosip.core.api.VoicemailCounts;
import org.sohosip.core.api.VoicemailFolder;
import org.sohosip.core.api.VoicemailMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A real HTTPS server on a free loopback port answering the voicemail endpoints of the API as the contract says:
 * listing by folder newest first, counts, audio as WAV with byte ranges (206, Content-Range, 416), moving between
 * folders, soft delete and restore, settings with field checks. Another user's message answers 404 like a missing
 * one. It records every request line, with its Range header when there was one.
 */
final class VoicemailServer implements AutoCloseable {

    static final String TOKEN = "tok-voicemail";

    final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<Long, VoicemailMessage> messages = new ConcurrentHashMap<>();
    private final Map<Long, byte[]> audio = new ConcurrentHashMap<>();
    private volatile MailboxSettings settings = new MailboxSettings("en", 20, false, false, null, false, null);
    private final HttpsServer server;
    private final ObjectMapper json = Json.mapper();

    VoicemailServer(TestCertificates cert) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(new javax.net.ssl.KeyManager[] { cert.keys }, null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/api/v1/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Puts a message into alice's mailbox (account 1) or someone else's, with its audio as a WAV file. */
    VoicemailMessage deposit(long id, long accountId, String caller, String receivedAt, VoicemailFolder folder,
            boolean urgent, short[] pcm) {
        VoicemailMessage m = new VoicemailMessage(id, accountId, accountId == 1 ? "alice" : "bob", caller, null,
                Instant.parse(receivedAt), pcm.length / 8, folder, urgent, false);
        messages.put(id, m);
        audio.put(id, wav(pcm));
        return m;
    }

    byte[] wavOf(long id) {
        return audio.get(id);
    }

    VoicemailMessage message(long id) {
        return messages.get(id);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** 16-bit PCM, 8 kHz, mono, with the canonical 44-byte header. */
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

    /** @return {@code seconds} of a sine tone at {@code hz}, half scale */
    static short[] tone(double hz, double seconds) {
        short[] pcm = new short[(int) (8000 * seconds)];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (16000 * Math.sin(2 * Math.PI * hz * i / 8000));
        }
        return pcm;
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String range = x.getRequestHeaders().getFirst("Range");
        requests.add(x.getRequestMethod() + " " + x.getRequestURI() + (range == null ? "" : " " + range));
        try {
            if (path.equals("/api/v1/auth/login")) {
                send(x, 200, new LoginResponse(TOKEN, Instant.now().plusSeconds(3600),
                        new Account(1, "alice", "Alice", "3301", List.of(), false, true)));
                return;
            }
            if (!("Bearer " + TOKEN).equals(x.getRequestHeaders().getFirst("Authorization"))) {
                error(x, 401, "unauthorized", "Log in first.", Map.of());
                return;
            }
            route(x, x.getRequestMethod(), path);
        } catch (RuntimeException e) {
            error(x, 500, "internal", "Voicemail test server failed: " + e, Map.of());
        }
    }

    private void route(HttpExchange x, String method, String path) throws IOException {
        String base = "/api/v1/me/voicemail";
        if (path.equals("/api/v1/auth/logout")) {
            send(x, 204, null);
        } else if (path.equals(base) && method.equals("GET")) {
            String q = String.valueOf(x.getRequestURI().getRawQuery());
            VoicemailFolder f = VoicemailFolder.valueOf(q.substring(q.indexOf('=') + 1));
            List<VoicemailMessage> list = new ArrayList<>(messages.values().stream()
                    .filter(m -> m.mailboxAccountId() == 1 && !m.deleted() && m.folder() == f).toList());
            list.sort(Comparator.comparing(VoicemailMessage::receivedAt).reversed());
            send(x, 200, list);
        } else if (path.equals(base + "/counts")) {
            send(x, 200, counts());
        } else if (path.equals(base + "/settings")) {
            settings(x, method);
        } else {
            Matcher m = Pattern.compile(Pattern.quote(base) + "/(\\d+)(/audio|/restore)?").matcher(path);
            VoicemailMessage msg = m.matches() ? messages.get(Long.parseLong(m.group(1))) : null;
            if (msg == null || msg.mailboxAccountId() != 1 || msg.deleted() && !"/restore".equals(m.group(2))) {
                error(x, 404, "not_found", "No such message.", Map.of());
                return;
            }
            String tail = m.group(2) == null ? "" : m.group(2);
            switch (method + " " + tail) {
                case "GET " -> send(x, 200, msg);
                case "GET /audio" -> audio(x, audio.get(msg.id()));
                case "PATCH " -> {
                    JsonNode body = json.readTree(x.getRequestBody());
                    send(x, 200, put(msg, VoicemailFolder.valueOf(body.get("folder").asText()), false));
                }
                case "DELETE " -> {
                    put(msg, msg.folder(), true);
                    send(x, 204, null);
                }
                case "POST /restore" -> send(x, 200, put(msg, msg.folder(), false));
                default -> error(x, 405, "method_not_allowed", "Not allowed here.", Map.of());
            }
        }
    }

    private VoicemailMessage put(VoicemailMessage m, VoicemailFolder folder, boolean deleted) {
        VoicemailMessage n = new VoicemailMessage(m.id(), m.mailboxAccountId(), m.mailbox(), m.caller(),
                m.callerName(), m.receivedAt(), m.durationMillis(), folder, m.urgent(), deleted);
        messages.put(n.id(), n);
        return n;
    }

    VoicemailCounts counts() {
        int[] c = new int[4];
        messages.values().stream().filter(m -> m.mailboxAccountId() == 1 && !m.deleted()).forEach(m -> {
            int k = m.folder() == VoicemailFolder.NEW ? 0 : 1;
            c[k]++;
            if (m.urgent()) {
                c[k + 2]++;
            }
        });
        return new VoicemailCounts(c[0], c[1], c[2], c[3]);
    }

    private void settings(HttpExchange x, String method) throws IOException {
        if (method.equals("GET")) {
            send(x, 200, settings);
            return;
        }
        MailboxSettingsChange c = json.readValue(x.getRequestBody(), MailboxSettingsChange.class);
        if (c.noAnswerSeconds() != null && (c.noAnswerSeconds() < 5 || c.noAnswerSeconds() > 120)) {
            error(x, 400, "invalid_field", "Some fields are not valid.",
                    Map.of("noAnswerSeconds", "Ring between 5 and 120 seconds before voicemail answers."));
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

    private void audio(HttpExchange x, byte[] file) throws IOException {
        String range = x.getRequestHeaders().getFirst("Range");
        x.getResponseHeaders().set("Accept-Ranges", "bytes");
        x.getResponseHeaders().set("Content-Type", "audio/wav");
        if (range == null) {
            x.sendResponseHeaders(200, file.length);
            x.getResponseBody().write(file);
            x.close();
            return;
        }
        Matcher m = Pattern.compile("bytes=(\\d+)-(\\d*)").matcher(range);
        long from = m.matches() ? Long.parseLong(m.group(1)) : -1;
        if (from < 0 || from >= file.length) {
            x.getResponseHeaders().set("Content-Range", "bytes */" + file.length);
            error(x, 416, "range_not_satisfiable", "That range is outside the file.", Map.of());
            return;
        }
        long to = m.group(2).isEmpty() ? file.length - 1 : Math.min(Long.parseLong(m.group(2)), file.length - 1);
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        part.write(file, (int) from, (int) (to - from + 1));
        x.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + file.length);
        x.sendResponseHeaders(206, part.size());
        x.getResponseBody().write(part.toByteArray());
        x.close();
    }

    private void error(HttpExchange x, int status, String code, String message, Map<String, String> fields)
            throws IOException {
        send(x, status, new ApiError(status, code, message, fields));
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
