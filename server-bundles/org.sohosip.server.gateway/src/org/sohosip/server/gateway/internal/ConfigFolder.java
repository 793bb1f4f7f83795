// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.gateway.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The folder the generated Asterisk files go to, one sub-folder per gateway. Each file is written to a temporary
 * name and then moved over the old one, so Asterisk never reads half a file.
 */
final class ConfigFolder {

    private final Path root;

    ConfigFolder(Path root) {
        this.root = root;
    }

    Path path(String gatewayName) {
        return root.resolve(gatewayName.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    void write(String gatewayName, Map<String, String> files) throws IOException {
        Path dir = path(gatewayName);
        Files.createDirectories(dir);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey());
            Path temp = dir.resolve("." + f.getKey() + ".new");
            Files.writeString(temp, f.getValue(), StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
