// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.app.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.Account;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.Credentials;

/**
 * Accounts the server creates itself: the first administrator of an empty database, and on request the demo
 * accounts. Their passwords are shown once on the console (never in the log file).
 */
public final class InitialAccounts {

    /** File in the data directory that keeps the first administrator's password, readable only by the owner. */
    public static final String ADMIN_PASSWORD_FILE = "initial-admin-password";

    private static final Logger LOG = LoggerFactory.getLogger(InitialAccounts.class);

    private final AccountStore accounts;
    private final String realm;
    private final PrintStream console;

    /**
     * @param accounts the account store
     * @param realm    the SIP realm the digest values are made for
     * @param console  where passwords are shown once
     */
    public InitialAccounts(AccountStore accounts, String realm, PrintStream console) {
        this.accounts = accounts;
        this.realm = realm;
        this.console = console;
    }

    /** Creates {@code admin} with a random password when the database has no account at all. */
    public void ensureAdmin(Path dataDir) throws IOException {
        if (accounts.count() > 0) {
            return;
        }
        String password = Passwords.random(16);
        accounts.create(new Account(0, "admin", "Administrator", "3300", List.of(), true, true),
                Credentials.derive("admin", realm, password));
        Path file = dataDir.resolve(ADMIN_PASSWORD_FILE);
        OwnerOnlyFiles.write(file, password + "\n");
        LOG.info("Created the first administrator 'admin'; its password is in {}", file);
        console.println();
        console.println("  First start: created the administrator account");
        console.println("    username: admin");
        console.println("    password: " + password);
        console.println("  (also saved in " + file + ", readable only by you; change it after logging in)");
        console.println();
    }

    /** Creates the demo accounts alice (3301) and bob (3302) when they are missing. */
    public void ensureDemo() {
        demo("alice", "Alice Demo", "3301");
        demo("bob", "Bob Demo", "3302");
    }

    private void demo(String username, String displayName, String extension) {
        if (accounts.findByUsername(username).isPresent()) {
            console.println("  Demo account " + username + " (" + extension + ") exists already; its password is"
                    + " unchanged.");
            return;
        }
        String password = Passwords.random(12);
        accounts.create(new Account(0, username, displayName, extension, List.of(), false, true),
                Credentials.derive(username, realm, password));
        LOG.info("Created demo account '{}' with extension {}", username, extension);
        console.println("  Demo account  username: " + username + "  password: " + password + "  extension: "
                + extension);
    }
}
