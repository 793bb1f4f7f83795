// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.sohosip.client.core.GatewayService;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.GatewayChange;

/**
 * Adds or edits a PSTN gateway: the AMI connection (host, port, user, secret), the Asterisk trunk name, where
 * Asterisk's SIP stack listens, the outbound channel, the time zone of the Asterisk host's clock (its CDR times are
 * read in it; the zone names are offered as the user types) and whether it is enabled. The stored secret is never
 * shown; an empty secret field keeps it. An empty time zone gives a new gateway the server's own zone.
 */
public final class GatewayDialog extends FormDialog<Gateway> {

    private final @Nullable Gateway existing;
    private final GatewayService service;
    private Button enabled;

    /**
     * @param parent   parent shell
     * @param existing the gateway to edit, or {@code null} to add one
     * @param service  where it is saved
     */
    public GatewayDialog(@Nullable Shell parent, @Nullable Gateway existing, GatewayService service) {
        super(parent, existing == null ? Messages.GatewayDialog_newTitle : Messages.GatewayDialog_editTitle,
                existing == null);
        this.existing = existing;
        this.service = service;
    }

    @Override
    protected void createFields(Composite area) {
        Gateway g = existing;
        text(area, "name", Messages.GatewayDialog_name, SWT.NONE, g == null ? "" : g.name());
        text(area, "amiHost", Messages.GatewayDialog_amiHost, SWT.NONE, g == null ? "" : g.amiHost());
        text(area, "amiPort", Messages.GatewayDialog_amiPort, SWT.NONE, g == null ? "" : String.valueOf(g.amiPort()))
                .setMessage("5038");
        text(area, "amiUser", Messages.GatewayDialog_amiUser, SWT.NONE, g == null ? "" : g.amiUser());
        text(area, "amiSecret", Messages.GatewayDialog_amiSecret, SWT.PASSWORD, "").setMessage(
                g != null && g.amiSecretSet() ? Messages.GatewayDialog_secretKept : "");
        text(area, "trunkName", Messages.GatewayDialog_trunkName, SWT.NONE, g == null ? "sohosip" : g.trunkName());
        text(area, "sipHost", Messages.GatewayDialog_sipHost, SWT.NONE, g == null ? "" : g.sipHost());
        text(area, "sipPort", Messages.GatewayDialog_sipPort, SWT.NONE, g == null ? "" : String.valueOf(g.sipPort()))
                .setMessage("5060");
        text(area, "outboundChannel", Messages.GatewayDialog_outboundChannel, SWT.NONE,
                g == null ? "DAHDI/g0" : g.outboundChannel());
        ZoneProposals.attach(text(area, "timeZone", Messages.GatewayDialog_timeZone, SWT.NONE,
                g == null ? "" : g.timeZone()));
        field("timeZone").setMessage(Messages.GatewayDialog_serverZone);
        enabled = check(area, Messages.GatewayDialog_enabled, g == null || g.enabled());
    }

    private String v(String field) {
        return field(field).getText().strip();
    }

    @Override
    protected Map<String, Optional<String>> check() {
        Map<String, Optional<String>> m = new LinkedHashMap<>();
        m.put("name", Checks.name(v("name")));
        m.put("amiHost", Checks.host(v("amiHost")));
        m.put("amiPort", Checks.port(v("amiPort")));
        m.put("amiUser", Checks.required(v("amiUser")));
        // a new gateway needs a secret; an edited one keeps the stored secret when the field stays empty
        m.put("amiSecret", existing == null || !existing.amiSecretSet() ? Checks.required(field("amiSecret")
                .getText()) : Optional.empty());
        m.put("trunkName", Checks.trunk(v("trunkName")));
        m.put("sipHost", Checks.host(v("sipHost")));
        m.put("sipPort", Checks.port(v("sipPort")));
        m.put("outboundChannel", Checks.channel(v("outboundChannel")));
        // empty keeps the stored zone on the server, which a cleared field would not make clear: ask for one
        m.put("timeZone", existing != null && v("timeZone").isEmpty() ? Checks.required("")
                : Checks.zoneId(v("timeZone")));
        return m;
    }

    @Override
    protected Supplier<Gateway> request() {
        String secret = field("amiSecret").getText();
        GatewayChange change = new GatewayChange(v("name"), v("amiHost"), Checks.integer(v("amiPort")), v("amiUser"),
                secret.isEmpty() ? null : secret, v("trunkName"), v("sipHost"), Checks.integer(v("sipPort")),
                v("outboundChannel"), enabled.getSelection(), v("timeZone").isEmpty() ? null : v("timeZone"));
        Gateway g = existing;
        return g == null ? () -> service.create(change) : () -> service.update(g.id(), change);
    }
}
