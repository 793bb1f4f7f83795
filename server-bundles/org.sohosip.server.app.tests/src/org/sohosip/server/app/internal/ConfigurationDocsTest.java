// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Keeps docs/configuration.md true to the code: the same keys, in the same order, with the same defaults. */
class ConfigurationDocsTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-zA-Z.]+)` \\| `([^`]*)` \\| (.+) \\|$",
            Pattern.MULTILINE);

    @Test
    void everySettingIsDocumentedWithItsDefault() throws IOException {
        String docs = Files.readString(Path.of(System.getProperty("sohosip.docs"), "configuration.md"));
        String settings = docs.substring(docs.indexOf("## Settings"), docs.indexOf("## The data directory"));
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher m = ROW.matcher(settings);
        while (m.find()) {
            documented.put(m.group(1), m.group(2) + " | " + m.group(3));
        }
        Map<String, String> code = Arrays.stream(ConfigKey.values()).collect(Collectors.toMap(ConfigKey::key,
                k -> k.defaultValue() + " | " + k.description(), (a, b) -> a, LinkedHashMap::new));
        assertEquals(String.join("\n", code.entrySet().stream().map(Object::toString).toList()),
                String.join("\n", documented.entrySet().stream().map(Object::toString).toList()));
    }
}
