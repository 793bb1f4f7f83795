// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

    @TempDir
    Path dir;

    @Test
    void firstStartWritesACommentedFileWithEveryDefault() throws IOException {
        Path file = dir.resolve("sohosip.conf");
        ServerConfig config = ServerConfig.load(dir, file, Map.of());
        String text = Files.readString(file);
        for (ConfigKey k : ConfigKey.values()) {
            assertTrue(text.contains("#" + k.key() + "=" + k.defaultValue() + "\n"), k.key());
            assertEquals(k.defaultValue(), config.get(k));
        }
    }

    @Test
    void fileOverridesDefaultsAndCommandLineOverridesFile() throws IOException {
        Path file = dir.resolve("sohosip.conf");
        Files.writeString(file, "api.port = 9443\nsip.domain=office.example\n");
        ServerConfig config = ServerConfig.load(dir, file, Map.of("sip.domain", "pbx.example"));
        assertEquals(9443, config.getInt(ConfigKey.API_PORT));
        assertEquals("pbx.example", config.get(ConfigKey.SIP_DOMAIN));
        assertEquals("1527", config.get(ConfigKey.DB_PORT));
    }

    @Test
    void unknownKeysAndBadNumbersAreRefusedWithTheirName() throws IOException {
        Path file = dir.resolve("sohosip.conf");
        Files.writeString(file, "api.prot=9443\n");
        String message = assertThrows(ServerConfig.ConfigException.class, () -> ServerConfig.load(dir, file, Map.of()))
                .getMessage();
        assertTrue(message.contains(file.toString()) && message.contains("'api.prot'"), message);

        Files.writeString(file, "");
        message = assertThrows(ServerConfig.ConfigException.class,
                () -> ServerConfig.load(dir, file, Map.of("db.port", "high"))).getMessage();
        assertEquals("--set: 'db.port' must be a whole number, not 'high'.", message);
    }
}
