// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.app.internal;

import java.util.Optional;

import org.eclipse.jdt.annotation.Nullable;

/** Remembers the last server and, when asked to, the user name and password. */
public interface CredentialStore {

    /** What was remembered. */
    record Remembered(@Nullable String server, @Nullable String username, char @Nullable [] password) {
        @Override
        public String toString() {
            return "Remembered[" + server + ", " + username + ", password=***]";
        }
    }

    /** @return what was remembered (all parts may be missing) */
    Remembered load();

    /** @return why remembering passwords does not work here, or empty when it does */
    Optional<String> problem();

    /**
     * @param server   the server used
     * @param username the user name; {@code null} forgets it
     * @param password the password; {@code null} forgets it
     * @throws Exception with a readable message when saving failed
     */
    void save(String server, @Nullable String username, char @Nullable [] password) throws Exception;
}
