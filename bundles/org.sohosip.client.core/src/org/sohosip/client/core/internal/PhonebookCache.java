// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.client.core.SyncConflict;
import org.sohosip.core.Contact;
import org.sohosip.core.PhoneNumberRules;
import org.sohosip.core.api.ContactData;
import org.sohosip.core.api.DirectoryEntry;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The offline copy of one user's phonebook on one server, encrypted with AES-256-GCM.
 * <p>
 * The key is derived from the user's own password (PBKDF2-HMAC-SHA256, {@value #ITERATIONS} rounds, a random salt
 * kept in the file), at login, and lives only in memory. So only somebody who knows that user's password can read
 * the file: not another user of the same computer, not another SOHOSIP user logging in on it, not a thief of the
 * disk. Nothing secret is stored next to it (a key in a file or keyring would open it to anybody who can read that
 * store as the same OS user). GCM also detects any change to the file. The file and its folder are owner-only.
 * After a password change the old file cannot be opened; it is replaced by a fresh copy from the server (changes
 * queued under the old password are lost then, and the log says so).
 */
final class PhonebookCache {

    static final int ITERATIONS = 310_000;
    private static final byte[] MAGIC = "SOHOSIP-PHONEBOOK-1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int SALT = 16;
    private static final int IV = 12;

    /** Everything kept offline. */
    record Content(List<Contact> contacts, List<DirectoryEntry> directory, PhoneNumberRules rules,
            List<Pending> pending, List<SyncConflict> conflicts, Instant savedAt) {
    }

    /**
     * A change waiting for the server.
     *
     * @param kind        CREATE, UPDATE or DELETE
     * @param id          the contact's id (negative for a contact created offline)
     * @param baseVersion the version the change was made on
     * @param data        the new fields (null for DELETE)
     * @param madeAt      when
     */
    record Pending(String kind, long id, long baseVersion, @Nullable ContactData data, Instant madeAt) {
    }

    private final Path file;
    private final ObjectMapper json = Json.mapper();
    private final SecureRandom random = new SecureRandom();

    PhonebookCache(Path file) {
        this.file = file;
    }

    /** @return the file of {@code username} on {@code server} under the client's folder */
    static Path fileFor(Path clientFolder, URI server, String username) {
        return clientFolder.resolve("phonebooks").resolve(server.getHost().replace(':', '_') + "_" + server.getPort())
                .resolve(username + ".bin");
    }

    Path file() {
        return file;
    }

    /** @return the salt of the existing file, or a new one */
    byte[] salt() {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > MAGIC.length + SALT && Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
                return Arrays.copyOfRange(bytes, MAGIC.length, MAGIC.length + SALT);
            }
        } catch (IOException e) {
            // no file yet
        }
        byte[] salt = new byte[SALT];
        random.nextBytes(salt);
        return salt;
    }

    static SecretKey key(char[] password, byte[] salt) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, ITERATIONS, 256);
        try {
            byte[] raw = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(raw, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available in this Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    /**
     * @return the content, or empty when there is no file
     * @throws GeneralSecurityException when the key does not open it (another password) or it was altered
     */
    Optional<Content> read(SecretKey key) throws GeneralSecurityException, IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
        byte[] magic = new byte[MAGIC.length];
        if (in.remaining() < MAGIC.length + SALT + IV) {
            throw new GeneralSecurityException("not a phonebook cache");
        }
        in.get(magic).position(MAGIC.length + SALT);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new GeneralSecurityException("not a phonebook cache");
        }
        byte[] iv = new byte[IV];
        in.get(iv);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
        cipher.updateAAD(magic);
        return Optional.of(json.readValue(cipher.doFinal(sealed), Content.class));
    }

    /** Replaces the file atomically: a crash leaves the old or the new copy, never half of one. */
    void write(Content content, SecretKey key, byte[] salt) {
        try {
            byte[] iv = new byte[IV];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(MAGIC);
            byte[] sealed = cipher.doFinal(json.writeValueAsBytes(content));
            ByteBuffer out = ByteBuffer.allocate(MAGIC.length + SALT + IV + sealed.length);
            out.put(MAGIC).put(salt).put(iv).put(sealed);
            Path folder = file.getParent();
            Files.createDirectories(folder);
            ownerOnly(folder, "rwx------");
            Path tmp = Files.createTempFile(folder, "phonebook", ".tmp");
            ownerOnly(tmp, "rw-------");
            Files.write(tmp, out.array());
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the user's profile folder is private already
        }
    }
}
