// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sohosip.client.core.ApiClient;
import org.sohosip.client.core.ApiException;
import org.sohosip.client.core.KnownServersFile;
import org.sohosip.client.core.ServerUnreachableException;
import org.sohosip.core.Account;
import org.sohosip.core.LoginEvent;
import org.sohosip.core.LoginRecord;
import org.sohosip.core.api.LoginResponse;
import org.sohosip.core.api.NewAccount;

/** The API calls and their error mapping against a real HTTPS server on loopback. */
class ApiClientTest {

    private static TestCertificates cert;

    @TempDir
    Path dir;
    private CannedServer server;
    private ApiClient client;

    @BeforeAll
    static void certificate(@TempDir Path certs) throws Exception {
        cert = TestCertificates.generate(certs, "pbx");
    }

    @BeforeEach
    void start() throws Exception {
        server = new CannedServer(cert);
        client = new ApiClient(server.uri(), new KnownServersFile(dir.resolve("known")), c -> true);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void loginGivesTokenAndAccount() {
        LoginResponse r = client.login("alice", CannedServer.PASSWORD.toCharArray());
        assertEquals("alice", r.account().username());
        assertTrue(r.account().admin());
        assertEquals(List.of("reception"), r.account().aliases());
        assertTrue(server.liveTokens().contains(r.token()));
        assertFalse(r.toString().contains(r.token()));
        assertEquals("alice", client.me(r.token()).username());
    }

    @Test
    void wrongPasswordIsUnauthorized() {
        ApiException e = assertThrows(ApiException.class, () -> client.login("alice", "nope".toCharArray()));
        assertEquals(401, e.status());
        assertEquals("unauthorized", e.code());
        assertEquals("Wrong user name or password.", e.getMessage());
    }

    @Test
    void refreshReplacesTokenAndLogoutEndsIt() {
        String t1 = client.login("alice", CannedServer.PASSWORD.toCharArray()).token();
        String t2 = client.refresh(t1).token();
        assertNotEquals(t1, t2);
        assertEquals(401, assertThrows(ApiException.class, () -> client.me(t1)).status());
        client.logout(t2);
        assertFalse(server.liveTokens().contains(t2));
        assertEquals(401, assertThrows(ApiException.class, () -> client.me(t2)).status());
    }

    @Test
    void invalidFieldsComeBackPerField() {
        String t = client.login("alice", CannedServer.PASSWORD.toCharArray()).token();
        ApiException e = assertThrows(ApiException.class, () -> client.createAccount(t,
                new NewAccount("Carol!", "short", "1", "Carol", null, null)));
        assertEquals(400, e.status());
        assertEquals("invalid_field", e.code());
        assertEquals(java.util.Set.of("username", "password", "extension"), e.fieldErrors().keySet());
        assertTrue(e.fieldErrors().get("extension").contains("2 to 6 digits"));
    }

    @Test
    void duplicateUsernameIsConflictOnTheUsernameField() {
        String t = client.login("alice", CannedServer.PASSWORD.toCharArray()).token();
        ApiException e = assertThrows(ApiException.class, () -> client.createAccount(t,
                new NewAccount("bob", "long-enough-1", "3399", "Another Bob", null, null)));
        assertEquals(409, e.status());
        assertEquals("duplicate", e.code());
        assertTrue(e.fieldErrors().get("username").contains("already taken"));
    }

    @Test
    void accountsAndLoginRecordsAreRead() {
        String t = client.login("alice", CannedServer.PASSWORD.toCharArray()).token();
        Account carol = client.createAccount(t,
                new NewAccount("carol", "long-enough-1", "3303", "Carol", List.of("sales"), Boolean.FALSE));
        assertEquals(List.of("alice", "bob", "carol"), client.accounts(t).stream().map(Account::username).toList());
        assertEquals(List.of("sales"), carol.aliases());
        List<LoginRecord> records = client.loginRecords(t, 10, null);
        assertEquals(LoginEvent.FAILED, records.get(0).event());
        assertTrue(records.get(0).at().isAfter(records.get(1).at()));
    }

    @Test
    void unreachableServerSaysWhatToCheck() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI nowhere = URI.create("https://127.0.0.1:" + port);
        ApiClient c = new ApiClient(nowhere, new KnownServersFile(dir.resolve("known")), x -> true);
        ServerUnreachableException e = assertThrows(ServerUnreachableException.class,
                () -> c.login("alice", "x".toCharArray()));
        assertEquals("Cannot reach https://127.0.0.1:" + port
                + ": connection refused. Check the server address and that the server is running.", e.getMessage());
    }

    @Test
    void serverAddressesAreNormalised() {
        assertEquals(URI.create("https://pbx.office:8443"), ApiClient.parseServer(" pbx.office:8443 "));
        assertEquals(URI.create("https://pbx.office:443"), ApiClient.parseServer("https://pbx.office/"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ApiClient.parseServer("http://pbx.office:8080"));
        assertTrue(e.getMessage().contains("https://host:port"));
        assertThrows(IllegalArgumentException.class, () -> ApiClient.parseServer("https://pbx/api"));
    }
}
