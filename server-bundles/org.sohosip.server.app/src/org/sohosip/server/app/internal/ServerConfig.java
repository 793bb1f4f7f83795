// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.app.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The server's settings: the defaults of {@link ConfigKey}, overridden by the configuration file, overridden by
 * {@code --set key=value} on the command line. Unknown keys and values that are not numbers where numbers belong
 * are refused with a message naming the file and the key, so a typo never goes unnoticed.
 */
public final class ServerConfig {

    private final Map<ConfigKey, String> values;
    private final Path dataDir;

    private ServerConfig(Path dataDir, Map<ConfigKey, String> values) {
        this.dataDir = dataDir;
        this.values = values;
    }

    /**
     * Reads the configuration; writes a commented file with every default first when none exists yet.
     *
     * @throws ConfigException when the file cannot be read or holds an unknown key or a bad value
     */
    public static ServerConfig load(Path dataDir, Path file, Map<String, String> overrides) {
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey k : ConfigKey.values()) {
            values.put(k, k.defaultValue());
        }
        try {
            if (!Files.exists(file)) {
                writeTemplate(file);
            }
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            for (String name : p.stringPropertyNames()) {
                put(values, name, p.getProperty(name).trim(), file.toString());
            }
        } catch (IOException e) {
            throw new ConfigException("Cannot read the configuration file " + file + ": " + e.getMessage());
        }
        overrides.forEach((name, value) -> put(values, name, value, "--set"));
        return new ServerConfig(dataDir, values);
    }

    private static void put(Map<ConfigKey, String> values, String name, String value, String where) {
        ConfigKey key = ConfigKey.byName(name).orElseThrow(() -> new ConfigException(
                where + ": unknown setting '" + name + "'. The settings are listed in docs/configuration.md."));
        if (key.numeric() && !value.matches("[0-9]+")) {
            throw new ConfigException(where + ": '" + name + "' must be a whole number, not '" + value + "'.");
        }
        values.put(key, value);
    }

    private static void writeTemplate(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# SOHOSIP server configuration. Every setting is shown with its default;\n");
            w.write("# remove the '#' to change one. See docs/configuration.md.\n");
            for (ConfigKey k : ConfigKey.values()) {
                w.write("\n# " + k.description() + "\n#" + k.key() + "=" + k.defaultValue() + "\n");
            }
        }
    }

    /** @return the value of a key */
    public String get(ConfigKey key) {
        return values.get(key);
    }

    /** @return the value of a numeric key */
    public int getInt(ConfigKey key) {
        return Integer.parseInt(values.get(key));
    }

    /** @return the data directory */
    public Path dataDir() {
        return dataDir;
    }

    /** Thrown for a configuration the server cannot start with; its message is meant for the administrator. */
    public static final class ConfigException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConfigException(String message) {
            super(message);
        }
    }
}
