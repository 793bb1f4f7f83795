// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.sohosip.core.api.UserSettings;
import org.sohosip.server.store.UserSettingsStore;

/** {@code GET} and {@code PUT /me/settings}: the caller's own settings, kept with the account. */
final class SettingsHandlers {

    static final int MAX_KEYS = 200;
    static final int MAX_VALUE = 4000;
    static final int MAX_TOTAL = 24000;
    private static final Pattern KEY = Pattern.compile("[a-z0-9._-]{1,64}");

    private final UserSettingsStore settings;

    SettingsHandlers(UserSettingsStore settings) {
        this.settings = settings;
    }

    void get(Exchange exchange) throws IOException {
        exchange.respond(200, new UserSettings(settings.get(ContactHandlers.owner(exchange))));
    }

    void replace(Exchange exchange) throws IOException {
        UserSettings body = exchange.body(UserSettings.class);
        Map<String, String> problems = new LinkedHashMap<>();
        if (body.values().size() > MAX_KEYS) {
            problems.put("values", "At most " + MAX_KEYS + " settings.");
        }
        int total = 0;
        for (Map.Entry<String, String> e : body.values().entrySet()) {
            if (!KEY.matcher(e.getKey()).matches()) {
                problems.put("values." + e.getKey(), "A setting's name is 1-64 characters of a-z, 0-9, '.', '_'"
                        + " and '-'.");
            } else if (e.getValue() == null || e.getValue().length() > MAX_VALUE) {
                problems.put("values." + e.getKey(), "A value is text of at most " + MAX_VALUE + " characters.");
            } else {
                total += e.getKey().length() + e.getValue().length();
            }
        }
        if (total > MAX_TOTAL) {
            problems.put("values", "All settings together are at most " + MAX_TOTAL + " characters.");
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalidFields(problems);
        }
        exchange.respond(200, new UserSettings(settings.replace(ContactHandlers.owner(exchange), body.values())));
    }
}
