// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database owner's password, generated on first start and kept in a file only the owner of the process can
 * read. The password is never logged.
 */
final class DatabasePassword {

    private static final Logger LOG = LoggerFactory.getLogger(DatabasePassword.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private DatabasePassword() {
    }

    /**
     * @param file           where the password is kept
     * @param databaseExists whether the database was already created (with the password in {@code file})
     * @return the password
     */
    static String readOrCreate(Path file, boolean databaseExists) throws IOException {
        if (Files.exists(file)) {
            restrict(file);
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (password.isEmpty()) {
                throw new IllegalStateException("The database password file " + file
                        + " is empty. Restore it from a backup of the data folder.");
            }
            return password;
        }
        if (databaseExists) {
            throw new IllegalStateException("The database exists but its password file " + file
                    + " is missing. Restore that file from a backup of the data folder; a new password cannot open"
                    + " the existing database.");
        }
        return create(file);
    }

    private static String create(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        // Written to a temporary file created with owner-only permissions from the start, then renamed: the
        // password is never readable by others and never half-written.
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (isPosix(file)) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(temp);
            restrictNonPosix(temp);
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                OutputStream out = Channels.newOutputStream(channel)) {
            out.write((password + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("Generated a new database password in {}", file);
        return password;
    }

    /** Tightens a file someone made readable for others (e.g. restored from a backup without permissions). */
    private static void restrict(Path file) throws IOException {
        if (!isPosix(file)) {
            restrictNonPosix(file);
        } else if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            LOG.warn("The database password file {} was readable by others; it is now readable by its owner only",
                    file);
        }
    }

    private static boolean isPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Best effort where POSIX permissions do not exist (Windows): owner-only read and write. */
    private static void restrictNonPosix(Path file) {
        java.io.File f = file.toFile();
        boolean ok = f.setReadable(false, false) & f.setReadable(true, true) & f.setWritable(false, false)
                & f.setWritable(true, true);
        if (!ok) {
            LOG.warn("Could not restrict access to {} to its owner; protect that folder", file);
        }
    }
}
