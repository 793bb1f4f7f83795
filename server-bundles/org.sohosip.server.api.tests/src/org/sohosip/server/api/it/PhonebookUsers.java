// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.it;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.sohosip.core.Account;
import org.sohosip.server.store.Credentials;

/** Creates ordinary users with their own phonebooks and logs them in. */
final class PhonebookUsers {

    static final String PASSWORD = "phonebook-secret-77";
    private static final AtomicInteger NEXT = new AtomicInteger(7100);

    private PhonebookUsers() {
    }

    /** A user as a test sees it: its account id and a token. */
    record User(long id, String username, String token) {
    }

    /** Sends a request whose answer may be a file rather than JSON. */
    static java.net.http.HttpResponse<String> raw(ApiTestServer server, String method, String path, String token,
            String body, String contentType) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(server.uri(path))
                .timeout(java.time.Duration.ofSeconds(120)).method(method, body == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body,
                                java.nio.charset.StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Authorization", "Bearer " + token);
        return server.client().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    static User create(ApiTestServer server, String prefix) throws Exception {
        LogCapture.SECRETS.add(PASSWORD);
        int n = NEXT.incrementAndGet();
        String username = prefix + n;
        Account account = server.accounts.create(new Account(0, username, "User " + prefix + " " + n,
                String.valueOf(n), List.of(), false, true), Credentials.derive(username, ApiTestServer.REALM,
                        PASSWORD));
        ApiTestServer.Response login = server.login(username, PASSWORD);
        if (login.status() != 200) {
            throw new AssertionError("login failed: " + login.raw().body());
        }
        return new User(account.id(), username, login.json().path("token").asText());
    }
}
