// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link KnownServers} kept in a plain text file, one {@code host:port fingerprint} line per server, like SSH's
 * {@code known_hosts}. A user can delete a line to trust a server's new certificate.
 *
 * @since 0.1
 */
public final class KnownServersFile implements KnownServers {

    private final Path file;

    /** @param file the file to use; created on the first pin */
    public KnownServersFile(Path file) {
        this.file = file;
    }

    /**
     * @return the default store, {@code known-servers} in the folder named by the system property
     *         {@code sohosip.home}, or else in {@code ~/.sohosip}
     */
    public static KnownServersFile inUserHome() {
        return new KnownServersFile(userFolder().resolve("known-servers"));
    }

    /** @return the folder for the client's own files: {@code -Dsohosip.home}, else {@code ~/.sohosip} */
    public static Path userFolder() {
        String home = System.getProperty("sohosip.home");
        return home != null && !home.isBlank() ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".sohosip");
    }

    @Override
    public synchronized Optional<String> fingerprint(String hostPort) {
        return Optional.ofNullable(read().get(hostPort));
    }

    @Override
    public synchronized void pin(String hostPort, String fingerprint) {
        Map<String, String> pins = read();
        pins.put(hostPort, fingerprint);
        write(pins);
    }

    @Override
    public synchronized void forget(String hostPort) {
        Map<String, String> pins = read();
        if (pins.remove(hostPort) != null) {
            write(pins);
        }
    }

    @Override
    public String location() {
        return file.toString();
    }

    private Map<String, String> read() {
        Map<String, String> pins = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return pins;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                int space = trimmed.indexOf(' ');
                if (!trimmed.isEmpty() && !trimmed.startsWith("#") && space > 0) {
                    pins.put(trimmed.substring(0, space), trimmed.substring(space + 1).strip());
                }
            }
            return pins;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the list of trusted servers " + file, e);
        }
    }

    private void write(Map<String, String> pins) {
        StringBuilder text = new StringBuilder("# SOHOSIP trusted server certificates (host:port SHA-256)\n");
        pins.forEach((k, v) -> text.append(k).append(' ').append(v).append('\n'));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // write then move, so a crash never leaves a half-written list of pins
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".known-servers", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the list of trusted servers " + file, e);
        }
    }
}
