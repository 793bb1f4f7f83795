// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.app.internal;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Equinox secure storage in the client's own folder. The master password comes from a random key file readable only
 * by the user, so that it works without any password prompt (also on headless test machines); it protects the
 * stored password as well as the user's file permissions do, which is what "Remember me" promises.
 */
public final class SecureCredentialStore implements CredentialStore {

    private static final String NODE = "org.sohosip.ui.app/login";

    private final Path folder;
    private @Nullable ISecurePreferences root;
    private @Nullable String problem;

    /** @param folder where {@code secure_storage} and its key file live */
    public SecureCredentialStore(Path folder) {
        this.folder = folder;
    }

    private synchronized @Nullable ISecurePreferences node() {
        if (root == null && problem == null) {
            try {
                Files.createDirectories(folder);
                Map<String, Object> options = new HashMap<>();
                options.put(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(key()));
                options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
                URL location = folder.resolve("secure_storage").toUri().toURL();
                root = SecurePreferencesFactory.open(location, options);
                if (root == null) {
                    problem = "secure storage is not installed";
                }
            } catch (IOException | RuntimeException e) {
                problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }
        ISecurePreferences r = root;
        return r == null ? null : r.node(NODE);
    }

    private char[] key() throws IOException {
        Path file = folder.resolve("storage.key");
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            Path tmp = Files.createTempFile(folder, ".storage", ".key");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own protection has to do
            }
            Files.writeString(tmp, Base64.getEncoder().encodeToString(random), StandardCharsets.US_ASCII);
            Files.move(tmp, file);
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
    }

    @Override
    public Remembered load() {
        ISecurePreferences n = node();
        if (n == null) {
            return new Remembered(null, null, null);
        }
        try {
            String pw = n.get("password", null);
            return new Remembered(n.get("server", null), n.get("username", null), pw == null ? null : pw.toCharArray());
        } catch (StorageException e) {
            return new Remembered(null, null, null);
        }
    }

    @Override
    public Optional<String> problem() {
        node();
        return Optional.ofNullable(problem);
    }

    @Override
    public void save(String server, @Nullable String username, char @Nullable [] password) throws Exception {
        ISecurePreferences n = node();
        if (n == null) {
            throw new IllegalStateException(problem);
        }
        n.put("server", server, false);
        if (username == null || password == null) {
            n.remove("username");
            n.remove("password");
        } else {
            n.put("username", username, false);
            n.put("password", new String(password), true);
        }
        n.flush();
    }
}
