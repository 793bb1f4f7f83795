// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.client.core.internal.CallQuery;
import org.sohosip.client.core.internal.ErrorBodies;
import org.sohosip.client.core.internal.PinningTrustManager;
import org.sohosip.client.core.internal.Json;
import org.sohosip.core.Account;
import org.sohosip.core.CallDirection;
import org.sohosip.core.CallDisposition;
import org.sohosip.core.LoginRecord;
import org.sohosip.core.api.AccountChanges;
import org.sohosip.core.api.CallHistoryEntry;
import org.sohosip.core.api.LoginRequest;
import org.sohosip.core.api.LoginResponse;
import org.sohosip.core.api.NewAccount;
import org.sohosip.core.api.PasswordChange;
import org.sohosip.core.api.SipSettings;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The SOHOSIP HTTPS API ({@code /api/v1/}) for one server. Stateless apart from the connection: every call that
 * needs authorization takes the bearer token. Calls block; run them off the UI thread.
 *
 * @since 0.1
 */
public final class ApiClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI server;
    private final PinningTrustManager trust;
    private final HttpClient http;
    private final ObjectMapper json = Json.mapper();

    /**
     * @param server address of the server, see {@link #parseServer(String)}
     * @param known  where trusted certificates are pinned
     * @param prompt asked about certificates of servers never seen before
     */
    public ApiClient(URI server, KnownServers known, CertificateTrustPrompt prompt) {
        this.server = server;
        this.trust = new PinningTrustManager(server.getHost(), port(server), known, prompt);
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] { trust }, null);
            this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(CONNECT_TIMEOUT)
                    .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime", e);
        }
    }

    /**
     * @param text what the user typed, e.g. {@code https://pbx.office:8443} ({@code https://} may be left out)
     * @return the normalised address {@code https://host:port}
     * @throws IllegalArgumentException with a message for people when the text is not such an address
     */
    public static URI parseServer(String text) {
        String t = text.strip();
        if (!t.contains("://")) {
            t = "https://" + t;
        }
        try {
            URI u = new URI(t);
            if (!"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null
                    || (u.getPath() != null && !u.getPath().isEmpty() && !"/".equals(u.getPath()))
                    || u.getQuery() != null || u.getUserInfo() != null) {
                throw new URISyntaxException(text, "not https://host:port");
            }
            return new URI("https", null, u.getHost(), port(u), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "Enter the server address as https://host:port, for example https://pbx.office:8443.", e);
        }
    }

    private static int port(URI u) {
        return u.getPort() < 0 ? 443 : u.getPort();
    }

    /** @return the server address */
    public URI server() {
        return server;
    }

    /**
     * @param username user name
     * @param password password
     * @return token and account
     */
    public LoginResponse login(String username, char[] password) {
        return call("POST", "/api/v1/auth/login", null, new LoginRequest(username, new String(password)),
                type(LoginResponse.class));
    }

    /**
     * @param token the current token; it stops working
     * @return a new token
     */
    public LoginResponse refresh(String token) {
        return call("POST", "/api/v1/auth/refresh", token, null, type(LoginResponse.class));
    }

    /** @param token the token to end */
    public void logout(String token) {
        call("POST", "/api/v1/auth/logout", token, null, null);
    }

    /**
     * @param token bearer token
     * @return the token's account
     */
    public Account me(String token) {
        return call("GET", "/api/v1/me", token, null, type(Account.class));
    }

    /**
     * {@code GET /api/v1/me/calls}: the token's user's call history.
     *
     * @param token       bearer token
     * @param direction   only this direction, or {@code null}
     * @param disposition only this disposition, or {@code null}
     * @param from        only calls that began at or after this instant, or {@code null}
     * @param to          only calls that began before this instant, or {@code null}
     * @param limit       at most this many (the server allows 1 to 1000)
     * @return entries, newest first
     */
    public List<CallHistoryEntry> calls(String token, @Nullable CallDirection direction,
            @Nullable CallDisposition disposition, @Nullable Instant from, @Nullable Instant to, int limit) {
        return call("GET", "/api/v1/me/calls" + CallQuery.of(direction, disposition, from, to, limit), token, null,
                json.getTypeFactory().constructType(new TypeReference<List<CallHistoryEntry>>() { }));
    }

    /**
     * @param token bearer token
     * @return what the softphone needs to register with the server's SIP registrar
     */
    public SipSettings sipSettings(String token) {
        return call("GET", "/api/v1/sip", token, null, type(SipSettings.class));
    }

    /**
     * @param token an administrator's token
     * @return all accounts sorted by user name
     */
    public List<Account> accounts(String token) {
        return call("GET", "/api/v1/accounts", token, null, json.getTypeFactory().constructType(
                new TypeReference<List<Account>>() { }));
    }

    /**
     * @param token   an administrator's token
     * @param account the new account
     * @return the created account
     */
    public Account createAccount(String token, NewAccount account) {
        return call("POST", "/api/v1/accounts", token, account, type(Account.class));
    }

    /**
     * @param token an administrator's token
     * @param id    account id
     * @return the account
     */
    public Account account(String token, long id) {
        return call("GET", "/api/v1/accounts/" + id, token, null, type(Account.class));
    }

    /**
     * @param token   an administrator's token
     * @param id      account id
     * @param changes fields to change
     * @return the changed account
     */
    public Account updateAccount(String token, long id, AccountChanges changes) {
        return call("PATCH", "/api/v1/accounts/" + id, token, changes, type(Account.class));
    }

    /**
     * @param token    an administrator's token
     * @param id       account id
     * @param password the new password
     */
    public void setPassword(String token, long id, char[] password) {
        call("POST", "/api/v1/accounts/" + id + "/password", token, new PasswordChange(new String(password)), null);
    }

    /**
     * @param token    an administrator's token
     * @param limit    at most this many
     * @param username only this user's records, or {@code null}
     * @return login records, newest first
     */
    public List<LoginRecord> loginRecords(String token, int limit, @Nullable String username) {
        String q = "?limit=" + limit
                + (username == null ? "" : "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8));
        return call("GET", "/api/v1/login-records" + q, token, null, json.getTypeFactory().constructType(
                new TypeReference<List<LoginRecord>>() { }));
    }

    /**
     * Calls any JSON endpoint of the API; the typed methods above are shorthands for the common ones.
     *
     * @param method HTTP method
     * @param path   path and query below the server, e.g. {@code /api/v1/contacts?q=kate}
     * @param token  bearer token, or {@code null}
     * @param body   JSON body, or {@code null}
     * @param answer the type of the answer, or {@code null} to ignore it
     * @return the answer, or {@code null} for 204 or when {@code answer} is {@code null}
     * @since 0.1
     */
    public <T> @Nullable T request(String method, String path, @Nullable String token, @Nullable Object body,
            @Nullable TypeReference<T> answer) {
        return call(method, path, token, body, answer == null ? null : json.getTypeFactory().constructType(answer));
    }

    /**
     * Sends a file (vCard, CSV) as the body and reads a JSON answer.
     *
     * @param progress told the bytes sent so far and the total
     * @param cancelled checked while sending; when it turns true the upload stops with a {@link ClientException}
     * @since 0.1
     */
    public <T> T upload(String path, String token, byte[] file, String contentType,
            java.util.function.BiConsumer<Long, Long> progress, java.util.function.BooleanSupplier cancelled,
            TypeReference<T> answer) {
        HttpRequest request = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofMinutes(10))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new UploadStream(file, progress, cancelled)), file.length)).build();
        HttpResponse<byte[]> r = send(request);
        if (cancelled.getAsBoolean()) {
            throw new ClientException("Cancelled.");
        }
        try {
            if (r.statusCode() >= 400) {
                throw new ApiException(ErrorBodies.parse(json, r.statusCode(), r.body()), retryAfter(r));
            }
            return json.readValue(r.body(), json.getTypeFactory().constructType(answer));
        } catch (IOException e) {
            throw new ClientException("The server at " + server + " sent an answer the client cannot read ("
                    + e.getMessage() + ").", e);
        }
    }

    /**
     * Fetches a file (an export).
     *
     * @return the file's bytes
     * @since 0.1
     */
    public byte[] download(String path, String token) {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).GET().build());
        if (r.statusCode() >= 400) {
            throw new ApiException(ErrorBodies.parse(json, r.statusCode(), r.body()), retryAfter(r));
        }
        return r.body();
    }

    /**
     * A part of a file fetched with an HTTP range request.
     *
     * @param bytes the bytes of the part
     * @param from  the offset of its first byte in the file
     * @param total the length of the whole file
     * @since 0.1
     */
    public record FilePart(byte[] bytes, long from, long total) {
    }

    /**
     * Fetches bytes {@code from}..{@code to} (inclusive) of a file with a {@code Range} request. A server that
     * ignores ranges answers with the whole file, which is returned as a part from 0.
     *
     * @return the part the server sent
     * @since 0.1
     */
    public FilePart downloadRange(String path, String token, long from, long to) {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(server.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Range", "bytes=" + from + "-" + to).GET()
                .build());
        if (r.statusCode() >= 400) {
            throw new ApiException(ErrorBodies.parse(json, r.statusCode(), r.body()), retryAfter(r));
        }
        if (r.statusCode() != 206) {
            return new FilePart(r.body(), 0, r.body().length);
        }
        // Content-Range: bytes a-b/total
        String range = r.headers().firstValue("Content-Range").orElse("");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)").matcher(range);
        if (!m.matches() || Long.parseLong(m.group(2)) - Long.parseLong(m.group(1)) + 1 != r.body().length) {
            throw new ClientException("The server at " + server + " sent a part of a file the client cannot place ("
                    + range + ").");
        }
        return new FilePart(r.body(), Long.parseLong(m.group(1)), Long.parseLong(m.group(3)));
    }

    /** Counts what the HTTP client reads, and fails the upload once the user cancelled. */
    private static final class UploadStream extends java.io.ByteArrayInputStream {
        private final java.util.function.BiConsumer<Long, Long> progress;
        private final java.util.function.BooleanSupplier cancelled;

        UploadStream(byte[] bytes, java.util.function.BiConsumer<Long, Long> progress,
                java.util.function.BooleanSupplier cancelled) {
            super(bytes);
            this.progress = progress;
            this.cancelled = cancelled;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            if (cancelled.getAsBoolean()) {
                throw new java.io.UncheckedIOException(new IOException("cancelled"));
            }
            int n = super.read(b, off, Math.min(len, 64 * 1024));
            progress.accept((long) pos, (long) count);
            return n;
        }
    }

    private JavaType type(Class<?> c) {
        return json.getTypeFactory().constructType(c);
    }

    @SuppressWarnings("null")
    private <T> T call(String method, String path, @Nullable String token, @Nullable Object body,
            @Nullable JavaType answer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            if (body != null) {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<byte[]> r = send(b.build());
            if (r.statusCode() >= 400) {
                throw new ApiException(ErrorBodies.parse(json, r.statusCode(), r.body()), retryAfter(r));
            }
            return answer == null || r.statusCode() == 204 ? (T) null : json.readValue(r.body(), answer);
        } catch (IOException e) {
            throw new ClientException("The server at " + server + " sent an answer the client cannot read ("
                    + e.getMessage() + "). Client and server versions may not match.", e);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        for (int attempt = 0;; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClientException("Cancelled.", e);
            } catch (IOException e) {
                Optional<CertificateRefusedException> refused = trust.takeRefusal();
                if (refused.isPresent()) {
                    throw refused.get();
                }
                // the user may have taken longer to trust the certificate than the handshake may last
                if (trust.takePinnedNow() && attempt == 0) {
                    continue;
                }
                throw new ServerUnreachableException(server, reason(e), e);
            }
        }
    }

    private static long retryAfter(HttpResponse<?> r) {
        Optional<String> v = r.headers().firstValue("Retry-After");
        try {
            return v.isPresent() ? Long.parseLong(v.get().strip()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "connection refused";
            }
            if (t instanceof java.net.http.HttpConnectTimeoutException
                    || t instanceof java.net.http.HttpTimeoutException) {
                return "no answer in time";
            }
            if (t instanceof java.nio.channels.UnresolvedAddressException
                    || t instanceof java.net.UnknownHostException) {
                return "unknown host name";
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return "secure connection failed (" + t.getMessage() + ")";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    /** @return the address only; never credentials */
    @Override
    public String toString() {
        return "ApiClient[" + server + "]";
    }

}
