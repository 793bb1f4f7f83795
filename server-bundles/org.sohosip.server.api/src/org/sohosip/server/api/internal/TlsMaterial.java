// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The server's TLS key and certificate in {@code <dataDir>/tls/server.p12} (PKCS12), protected by a random password
 * kept next to it in {@code server.p12.password}. Both files are owner-only (0600) from the moment they exist, and
 * are created once and reused, so the fingerprint users confirmed stays the same across restarts.
 */
public final class TlsMaterial {

    /** Key store file name. */
    public static final String KEYSTORE = "server.p12";
    /** Password file name. */
    public static final String PASSWORD = "server.p12.password";
    /** Alias of the key entry. */
    public static final String ALIAS = "sohosip";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path keystore;
    private final String password;
    private final X509Certificate certificate;

    private TlsMaterial(Path keystore, String password, X509Certificate certificate) {
        this.keystore = keystore;
        this.password = password;
        this.certificate = certificate;
    }

    /**
     * Loads the material from {@code folder}, creating it first when neither file exists.
     *
     * @param names names for a new certificate (see {@link SelfSignedCertificate#defaultNames})
     * @throws IOException when only one of the files exists or they do not open: a damaged identity is reported,
     *                     not silently replaced, because clients trust the old fingerprint
     */
    public static synchronized TlsMaterial loadOrCreate(Path folder, List<String> names)
            throws IOException, GeneralSecurityException {
        Path keystore = folder.resolve(KEYSTORE);
        Path passwordFile = folder.resolve(PASSWORD);
        boolean haveStore = Files.exists(keystore);
        boolean havePassword = Files.exists(passwordFile);
        if (!haveStore && !havePassword) {
            create(folder, keystore, passwordFile, names);
        } else if (haveStore != havePassword) {
            throw new IOException("Only one of " + keystore + " and " + passwordFile + " exists. Restore the missing "
                    + "file, or delete both to make a new certificate (clients will then see a new fingerprint).");
        }
        String password = Files.readString(passwordFile, StandardCharsets.US_ASCII).trim();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        } catch (IOException e) {
            throw new IOException("Cannot open " + keystore + " with the password in " + passwordFile + ": "
                    + e.getMessage(), e);
        }
        Certificate certificate = store.getCertificate(ALIAS);
        if (!(certificate instanceof X509Certificate x509)) {
            throw new IOException(keystore + " has no certificate named '" + ALIAS + "'.");
        }
        return new TlsMaterial(keystore, password, x509);
    }

    private static void create(Path folder, Path keystore, Path passwordFile, List<String> names)
            throws IOException, GeneralSecurityException {
        createFolder(folder);
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        SelfSignedCertificate.Identity identity = SelfSignedCertificate.create(names);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, identity.keys().getPrivate(), password.toCharArray(),
                new Certificate[] { identity.certificate() });
        // Written to owner-only temporary files first, then moved: a crash leaves no half-written identity.
        Path storeTemp = ownerOnlyTemp(folder);
        Path passwordTemp = ownerOnlyTemp(folder);
        try {
            try (OutputStream out = Files.newOutputStream(storeTemp)) {
                store.store(out, password.toCharArray());
            }
            Files.writeString(passwordTemp, password + "\n", StandardCharsets.US_ASCII);
            Files.move(passwordTemp, passwordFile, StandardCopyOption.ATOMIC_MOVE);
            Files.move(storeTemp, keystore, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(storeTemp);
            Files.deleteIfExists(passwordTemp);
        }
    }

    private static void createFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Files.createDirectories(folder.getParent());
        try {
            Files.createDirectory(folder, posix(folder, OWNER_DIR));
        } catch (FileAlreadyExistsException e) {
            // created meanwhile: fine
        }
    }

    private static Path ownerOnlyTemp(Path folder) throws IOException {
        return Files.createTempFile(folder, ".new-", ".tmp", posix(folder, OWNER_ONLY));
    }

    private static FileAttribute<?>[] posix(Path folder, Set<PosixFilePermission> permissions) {
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(permissions) }
                : new FileAttribute<?>[0];
    }

    /** @return the key store file */
    public Path keystore() {
        return keystore;
    }

    /** @return the key store's password (also the key's); goes to the HTTP service's configuration only */
    public String password() {
        return password;
    }

    /** @return the certificate */
    public X509Certificate certificate() {
        return certificate;
    }

    /** @return SHA-256 of the DER certificate as {@code AB:CD:...} */
    public String sha256Fingerprint() {
        return fingerprint(certificate);
    }

    /** @return SHA-256 of the DER certificate as {@code AB:CD:...} */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot fingerprint the certificate", e);
        }
    }

    @Override
    public String toString() {
        return "TlsMaterial[" + keystore + ", password=***]";
    }
}
