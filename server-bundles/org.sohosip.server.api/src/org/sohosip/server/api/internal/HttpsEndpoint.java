// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.server.api.ServerCertificate;

/**
 * Makes the HTTP service (Felix HTTP Jetty) listen for HTTPS only, on {@code api.host}:{@code api.port}, with the
 * server's own certificate, by writing its configuration (PID {@value #FELIX_PID}). Plain HTTP is switched off.
 * Removing this component's configuration removes the HTTP service's too, which closes the port.
 * <p>
 * The HTTP service must not start on its default port before this configuration arrives: the product sets the
 * framework properties {@code org.apache.felix.http.require.config=true} and {@code org.apache.felix.http.enable=false}.
 */
@Component(configurationPid = ApiConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
public final class HttpsEndpoint implements ServerCertificate {

    /** PID of the Felix HTTP Jetty configuration. */
    public static final String FELIX_PID = "org.apache.felix.http";

    private static final Logger LOG = LoggerFactory.getLogger(HttpsEndpoint.class);

    private final ConfigurationAdmin configurationAdmin;
    private volatile TlsMaterial tls;

    /** Loads or creates the TLS material and configures the HTTP service. */
    @Activate
    public HttpsEndpoint(@Reference(name = "configurationAdmin") ConfigurationAdmin configurationAdmin, ApiConfig config)
            throws IOException, GeneralSecurityException {
        this.configurationAdmin = configurationAdmin;
        this.tls = apply(config);
    }

    /** Applies a changed host, port or data folder. */
    @Modified
    void modified(ApiConfig config) throws IOException, GeneralSecurityException {
        this.tls = apply(config);
    }

    /** Closes the HTTPS port. */
    @Deactivate
    void deactivate() throws IOException {
        Configuration configuration = configurationAdmin.getConfiguration(FELIX_PID, null);
        configuration.delete();
    }

    private TlsMaterial apply(ApiConfig config) throws IOException, GeneralSecurityException {
        String dataDir = config.dataDir();
        if (dataDir == null || dataDir.isBlank() || !Path.of(dataDir).isAbsolute()) {
            throw new IllegalArgumentException(ApiConfig.PID + ": dataDir must be an absolute path, not '" + dataDir
                    + "'");
        }
        if (config.api_port() < 1 || config.api_port() > 65535) {
            throw new IllegalArgumentException(ApiConfig.PID + ": api.port must be 1-65535, not " + config.api_port());
        }
        TlsMaterial material = TlsMaterial.loadOrCreate(Path.of(dataDir, "tls"),
                SelfSignedCertificate.defaultNames(config.api_host()));
        Configuration configuration = configurationAdmin.getConfiguration(FELIX_PID, null);
        configuration.updateIfDifferent(jettyProperties(config, material));
        LOG.info("HTTPS API on {}:{}; certificate SHA-256 fingerprint {}", config.api_host(), config.api_port(),
                material.sha256Fingerprint());
        return material;
    }

    /** @return the Felix HTTP Jetty properties for HTTPS only on the configured address */
    static Dictionary<String, Object> jettyProperties(ApiConfig config, TlsMaterial material) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("org.apache.felix.http.enable", false);
        properties.put("org.apache.felix.https.enable", true);
        properties.put("org.apache.felix.http.host", config.api_host());
        properties.put("org.osgi.service.http.port.secure", config.api_port());
        properties.put("org.apache.felix.https.keystore", material.keystore().toString());
        properties.put("org.apache.felix.https.keystore.type", "PKCS12");
        properties.put("org.apache.felix.https.keystore.password", material.password());
        properties.put("org.apache.felix.https.keystore.key.password", material.password());
        properties.put("org.apache.felix.https.clientcertificate", "none");
        properties.put("org.apache.felix.https.jetty.protocols.included", "TLSv1.3,TLSv1.2");
        properties.put("org.apache.felix.http.jetty.sendServerHeader", false);
        return properties;
    }

    @Override
    public X509Certificate certificate() {
        return tls.certificate();
    }

    @Override
    public String sha256Fingerprint() {
        return tls.sha256Fingerprint();
    }
}
