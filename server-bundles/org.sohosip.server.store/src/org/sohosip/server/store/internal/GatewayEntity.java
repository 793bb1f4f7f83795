// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.time.ZoneId;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.GatewayChange;

/** Row of {@code GATEWAYS}. */
@Entity
@Table(name = "GATEWAYS")
public class GatewayEntity {

    static final int DEFAULT_AMI_PORT = 5038;
    static final int DEFAULT_SIP_PORT = 5060;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private @Nullable Long id;

    @Column(name = "NAME", nullable = false)
    private String name = "";

    @Column(name = "AMI_HOST", nullable = false)
    private String amiHost = "";

    @Column(name = "AMI_PORT", nullable = false)
    private int amiPort;

    @Column(name = "AMI_USER", nullable = false)
    private String amiUser = "";

    @Column(name = "AMI_SECRET", nullable = false)
    private String amiSecret = "";

    @Column(name = "TRUNK_NAME", nullable = false)
    private String trunkName = "";

    @Column(name = "SIP_HOST", nullable = false)
    private String sipHost = "";

    @Column(name = "SIP_PORT", nullable = false)
    private int sipPort;

    @Column(name = "OUTBOUND_CHANNEL", nullable = false)
    private String outboundChannel = "";

    @Column(name = "ENABLED", nullable = false)
    private boolean enabled;

    /** IANA zone id of the Asterisk host; {@code null} (rows from before schema version 6) = the server's zone. */
    @Column(name = "TIME_ZONE")
    private @Nullable String timeZone;

    /** For JPA. */
    protected GatewayEntity() {
    }

    GatewayEntity(GatewayChange change) {
        apply(change);
        if (timeZone == null) {
            timeZone = ZoneId.systemDefault().getId();
        }
    }

    final void apply(GatewayChange change) {
        name = change.name();
        amiHost = change.amiHost();
        amiPort = Objects.requireNonNullElse(change.amiPort(), DEFAULT_AMI_PORT);
        amiUser = change.amiUser();
        String secret = change.amiSecret();
        if (secret != null) {
            amiSecret = secret;
        }
        trunkName = change.trunkName();
        sipHost = change.sipHost();
        sipPort = Objects.requireNonNullElse(change.sipPort(), DEFAULT_SIP_PORT);
        outboundChannel = change.outboundChannel();
        enabled = Objects.requireNonNullElse(change.enabled(), Boolean.TRUE);
        String zone = change.timeZone();
        if (zone != null) {
            timeZone = zone;
        }
    }

    long id() {
        return Objects.requireNonNull(id, "not yet stored");
    }

    String amiSecret() {
        return amiSecret;
    }

    Gateway toGateway() {
        return new Gateway(id(), name, amiHost, amiPort, amiUser, !amiSecret.isEmpty(), trunkName, sipHost, sipPort,
                outboundChannel, enabled, timeZone == null ? ZoneId.systemDefault().getId() : timeZone);
    }

    /** Keeps the secret out of logs. */
    @Override
    public String toString() {
        return "GatewayEntity[id=" + id + ", name=" + name + "]";
    }
}
