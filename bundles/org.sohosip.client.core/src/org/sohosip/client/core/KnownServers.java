// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.util.Optional;

/**
 * Where trusted certificate fingerprints are pinned, one per {@code host:port}.
 *
 * @since 0.1
 */
public interface KnownServers {

    /**
     * @param hostPort {@code host:port}
     * @return the pinned fingerprint ({@code AB:CD:...}), if the server was trusted before
     */
    Optional<String> fingerprint(String hostPort);

    /**
     * Pins a fingerprint, replacing any earlier one.
     *
     * @param hostPort    {@code host:port}
     * @param fingerprint the fingerprint to trust from now on
     */
    void pin(String hostPort, String fingerprint);

    /**
     * Forgets a server, so that its next certificate is asked about again.
     *
     * @param hostPort {@code host:port}
     */
    void forget(String hostPort);

    /** @return where the pins are kept, in words a user can act on (e.g. a file path) */
    String location();
}
