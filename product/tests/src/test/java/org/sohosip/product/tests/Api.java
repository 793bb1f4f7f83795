// SPDX-License-Identifier: EPL-2.0
package org.sohosip.product.tests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A minimal JSON client of the server's API for checking what the products did. It accepts the server's self-signed
 * certificate without pinning: certificate pinning is the client's job and is tested there.
 */
final class Api {

    record Answer(int status, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;

    Api(String base) throws GeneralSecurityException {
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new TrustManager[] { new AcceptAny() }, null);
        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
        this.http = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
        this.base = base;
    }

    Answer post(String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(b.build());
    }

    Answer put(String path, String token, String json) throws IOException, InterruptedException {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Answer get(String path, String token) throws IOException, InterruptedException {
        return send(request(path, token).GET().build());
    }

    /** @return the token of a successful login, or fails */
    String login(String username, String password) throws IOException, InterruptedException {
        Answer a = post("/api/v1/auth/login", null, JSON.createObjectNode().put("username", username)
                .put("password", password).toString());
        if (a.status != 200) {
            throw new AssertionError("login of " + username + " answered " + a.status + " " + a.body);
        }
        return a.body.get("token").asText();
    }

    /** Creates an account as the administrator {@code adminToken}; fails unless the server answers 201. */
    JsonNode createAccount(String adminToken, String username, String password, String extension,
            String displayName) throws IOException, InterruptedException {
        Answer a = post("/api/v1/accounts", adminToken, JSON.createObjectNode().put("username", username)
                .put("password", password).put("extension", extension).put("displayName", displayName).toString());
        if (a.status != 201) {
            throw new AssertionError("creating " + username + " answered " + a.status + " " + a.body);
        }
        return a.body;
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        String body = r.body();
        return new Answer(r.statusCode(), body.isEmpty() ? JSON.nullNode() : JSON.readTree(body));
    }

    private static final class AcceptAny implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
