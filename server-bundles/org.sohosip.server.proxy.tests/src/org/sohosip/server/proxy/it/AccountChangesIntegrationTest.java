// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sohosip.core.Account;
import org.sohosip.server.store.Credentials;

/** The proxy keeps accounts in memory: every change in the store must count from the next request on. */
class AccountChangesIntegrationTest {

    private static ProxyTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ProxyTestServer.get();
    }

    private static int register(String user, String password) throws Exception {
        try (Ua ua = new Ua(SipSocket.udp(server.sipPort), user, password, ProxyTestServer.DOMAIN, server.sipPort)) {
            return ua.register(300, "MD5").status();
        }
    }

    @Test
    void aNewAccountRegistersAtOnceAndChangesToItCountFromTheNextRequest() throws Exception {
        String user = "erin" + Long.toHexString(System.nanoTime());
        Account erin = server.accounts.create(new Account(0, user, "Erin", "", List.of(), false, true),
                Credentials.derive(user, ProxyTestServer.DOMAIN, "first-secret-1"));
        try {
            assertEquals(200, register(user, "first-secret-1"), "a new account is known at once");

            server.accounts.setCredentials(erin.id(), Credentials.derive(user, ProxyTestServer.DOMAIN,
                    "second-secret-2"));
            assertEquals(401, register(user, "first-secret-1"), "the old password no longer works");
            assertEquals(200, register(user, "second-secret-2"));

            server.accounts.update(new Account(erin.id(), user, "Erin", "", List.of(), false, false));
            assertEquals(401, register(user, "second-secret-2"), "a disabled account cannot register");

            server.accounts.update(new Account(erin.id(), user, "Erin", "", List.of(), false, true));
            assertEquals(200, register(user, "second-secret-2"), "enabled again");
        } finally {
            server.accounts.update(new Account(erin.id(), user, "Erin", "", List.of(), false, false));
        }
    }
}
