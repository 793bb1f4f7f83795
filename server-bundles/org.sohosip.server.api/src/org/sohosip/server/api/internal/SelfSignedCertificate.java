// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes the server's self-signed certificate: EC P-256, valid for ten years, with the names a client on this
 * machine or in the office may use in its subject alternative names.
 */
public final class SelfSignedCertificate {

    /** How long the certificate is valid. */
    static final Duration VALIDITY = Duration.ofDays(3650);

    /** A key pair and its certificate. */
    public record Identity(KeyPair keys, X509Certificate certificate) {
        @Override
        public String toString() {
            return "Identity[" + certificate.getSubjectX500Principal() + "]";
        }
    }

    private SelfSignedCertificate() {
    }

    /**
     * @param names DNS names and IP literals for the subject alternative names; the first one is the common name
     */
    public static Identity create(List<String> names) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=" + names.get(0).replaceAll("[,+=\"\\\\<>;#]", "_") + ",O=SOHOSIP");
        byte[] serial = new byte[16];
        new SecureRandom().nextBytes(serial);
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(1, serial),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject,
                    keys.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    utils.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(names));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new Identity(keys, certificate);
        } catch (CertIOException | OperatorCreationException e) {
            throw new GeneralSecurityException("Cannot build the server certificate", e);
        }
    }

    /**
     * @return localhost, the loopback addresses, this machine's host name and, when the API binds to one address,
     *         that address
     */
    public static List<String> defaultNames(String bindHost) {
        Set<String> names = new LinkedHashSet<>();
        try {
            String hostName = InetAddress.getLocalHost().getHostName();
            if (!hostName.isBlank()) {
                names.add(hostName);
            }
        } catch (java.io.IOException e) {
            // no resolvable host name: the loopback names below still work
        }
        names.add("localhost");
        names.add("127.0.0.1");
        names.add("::1");
        if (!bindHost.isBlank() && !bindHost.equals("0.0.0.0") && !bindHost.equals("::")) {
            names.add(bindHost);
        }
        return new ArrayList<>(names);
    }

    private static GeneralNames alternativeNames(List<String> names) {
        List<GeneralName> list = new ArrayList<>();
        for (String name : names) {
            boolean ip = name.matches("[0-9.]+") || name.contains(":");
            list.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, name));
        }
        return new GeneralNames(list.toArray(GeneralName[]::new));
    }
}
