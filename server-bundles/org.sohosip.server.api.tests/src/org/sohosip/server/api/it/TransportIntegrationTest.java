// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.sohosip.server.api.internal.TlsMaterial;
import org.sohosip.server.api.it.ApiTestServer.Response;

/** HTTPS only, the generated identity, and the OpenAPI document. */
class TransportIntegrationTest {

    @Test
    void theHttpServiceListensForHttpsOnlyOnTheConfiguredPort() throws Exception {
        ApiTestServer server = ApiTestServer.get();
        ServiceReference<HttpServiceRuntime> runtime = server.context.getServiceReference(HttpServiceRuntime.class);
        Object endpoints = runtime.getProperty("osgi.http.endpoint");
        String[] list = endpoints instanceof String[] array ? array : new String[] { String.valueOf(endpoints) };
        assertTrue(list.length > 0);
        for (String endpoint : list) {
            assertTrue(endpoint.startsWith("https://") && endpoint.contains(":" + server.apiPort + "/"),
                    Arrays.toString(list));
        }
        assertEquals("true", server.context.getProperty("org.apache.felix.http.require.config"),
                "the runtime waits for configuration, as the product must");
    }

    @Test
    void plainHttpOnTheApiPortIsRefused() throws Exception {
        ApiTestServer server = ApiTestServer.get();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.apiPort)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/v1/openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = readAll(socket.getInputStream());
            assertFalse(answer.contains("openapi"), "no API over plain HTTP: " + answer);
            assertFalse(answer.startsWith("HTTP/1.1 200"), answer);
        }
        boolean failed;
        try {
            int status = server.client().send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                    + server.apiPort + "/api/v1/openapi.json")).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
            failed = status != 200;
        } catch (IOException e) {
            failed = true;
        }
        assertTrue(failed, "a plain-HTTP client gets no API");
    }

    @Test
    void servedCertificateIsTheStoredOneWithTheAdvertisedFingerprint() throws Exception {
        ApiTestServer server = ApiTestServer.get();
        HttpResponse<String> response = server.client().send(HttpRequest.newBuilder(server.uri("/openapi.json"))
                .build(), HttpResponse.BodyHandlers.ofString());
        X509Certificate served = (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
        assertEquals(server.fingerprint(), TlsMaterial.fingerprint(served));
        System.out.println("FIGURE server certificate SHA-256 " + server.fingerprint());
    }

    @Test
    void keystoreAndPasswordAreOwnerOnly() throws Exception {
        Path tls = ApiTestServer.get().dataDir.resolve("tls");
        for (String name : new String[] { TlsMaterial.KEYSTORE, TlsMaterial.PASSWORD }) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve(name))),
                    name);
        }
    }

    @Test
    void openApiDocumentIsServedWithoutLogin() throws Exception {
        Response response = ApiTestServer.get().call("GET", "/openapi.json", null, null);
        assertEquals(200, response.status());
        assertTrue(response.header("Content-Type").startsWith("application/json"));
        assertTrue(response.json().path("openapi").asText().startsWith("3."));
        assertTrue(response.json().path("paths").has("/accounts/{id}"));
    }

    @Test
    void certificateSurvivesARestart() throws Exception {
        ApiTestServer server = ApiTestServer.get();
        String before = server.fingerprint();
        Path keystore = server.dataDir.resolve("tls").resolve(TlsMaterial.KEYSTORE);
        byte[] stored = Files.readAllBytes(keystore);
        server.stopApi();
        ApiTestServer.await("the HTTP service to stop", () -> server.context.getServiceReference(
                HttpServiceRuntime.class) == null);
        server.configureApi(Map.of());
        assertEquals(before, server.fingerprint());
        HttpResponse<String> response = server.client().send(HttpRequest.newBuilder(server.uri("/openapi.json"))
                .build(), HttpResponse.BodyHandlers.ofString());
        X509Certificate served = (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
        assertEquals(before, TlsMaterial.fingerprint(served));
        assertTrue(Arrays.equals(stored, Files.readAllBytes(keystore)), "the key store was not rewritten");
    }

    private static String readAll(InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) > 0;) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // the server dropped the connection: that is a refusal too
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
