// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static final Path HOME = Path.of("/home/someone");

    @Test
    void defaultsToTheDataDirectoryInTheHomeFolder() {
        CommandLine cl = CommandLine.parse(List.of(), HOME);
        assertEquals(Path.of("/home/someone/.sohosip/server"), cl.dataDir());
        assertEquals(Path.of("/home/someone/.sohosip/server/sohosip.conf"), cl.config());
        assertFalse(cl.help());
        assertFalse(cl.demo());
    }

    @Test
    void readsEveryOption() {
        CommandLine cl = CommandLine.parse(List.of("--data", "/srv/pbx", "--set", "api.port=9443", "--set",
                "sip.domain=office.example", "--demo"), HOME);
        assertEquals(Path.of("/srv/pbx"), cl.dataDir());
        assertEquals(Path.of("/srv/pbx/sohosip.conf"), cl.config());
        assertEquals(Map.of("api.port", "9443", "sip.domain", "office.example"), cl.overrides());
        assertTrue(cl.demo());
        assertTrue(CommandLine.parse(List.of("--help"), HOME).help());
        assertEquals(Path.of("/etc/sohosip.conf"),
                CommandLine.parse(List.of("--config", "/etc/sohosip.conf"), HOME).config());
    }

    @Test
    void refusesWrongArgumentsWithAMessage() {
        assertEquals("Unknown argument '--port'.",
                assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(List.of("--port"), HOME))
                        .getMessage());
        assertEquals("--data needs a value.",
                assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(List.of("--data"), HOME))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(List.of("--set", "novalue"), HOME));
    }
}
