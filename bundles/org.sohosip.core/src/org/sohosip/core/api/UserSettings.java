// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

import java.util.Map;

/**
 * Body of {@code GET} and {@code PUT /api/v1/me/settings}: the user's own settings (ringtone, UI preferences ...)
 * that follow the user to every machine. Keys are 1-64 characters of {@code a-z 0-9 . _ -}; values at most 4000
 * characters; at most 200 keys. A PUT replaces all of them.
 *
 * @param values setting name to value
 * @since 0.1
 */
public record UserSettings(Map<String, String> values) {

    /** Copies the map. */
    public UserSettings {
        values = Map.copyOf(values);
    }
}
