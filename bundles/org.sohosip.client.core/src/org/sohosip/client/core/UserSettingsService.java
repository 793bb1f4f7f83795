// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.util.Map;
import java.util.Optional;

/**
 * Settings that belong to the user, not to the machine (ringtone, UI preferences): kept on the server with the
 * account, so a new machine looks the same after login. Names are 1-64 characters of {@code a-z 0-9 . _ -}.
 *
 * @since 0.1
 */
public interface UserSettingsService {

    /** @return all settings as loaded at login (or last saved); never blocks */
    Map<String, String> settings();

    /** @return one setting */
    default Optional<String> setting(String name) {
        return Optional.ofNullable(settings().get(name));
    }

    /**
     * Sets one setting ({@code null} removes it) and saves all on the server. Blocks.
     *
     * @throws ApiException with field messages for invalid names or values
     */
    void put(String name, String value);
}
