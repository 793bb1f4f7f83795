// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.sohosip.client.core.DialPlanService;
import org.sohosip.core.AccountRules;
import org.sohosip.core.api.RouteRule;

/**
 * Adds or edits an outbound route rule: the dialled prefix, digits to strip and to put in front, the gateway, the
 * group allowed to use it (empty: everybody with PSTN permission) and a description.
 */
public final class RouteDialog extends FormDialog<RouteRule> {

    private final @Nullable RouteRule existing;
    private final GatewayChoice gateways;
    private final DialPlanService service;
    private Combo gateway;

    /**
     * @param parent   parent shell
     * @param existing the rule to edit, or {@code null} to add one
     * @param gateways the gateways to choose from
     * @param service  where it is saved
     */
    RouteDialog(@Nullable Shell parent, @Nullable RouteRule existing, GatewayChoice gateways,
            DialPlanService service) {
        super(parent, existing == null ? Messages.RouteDialog_newTitle : Messages.RouteDialog_editTitle,
                existing == null);
        this.existing = existing;
        this.gateways = gateways;
        this.service = service;
    }

    @Override
    protected void createFields(Composite area) {
        RouteRule r = existing;
        text(area, "prefix", Messages.RouteDialog_prefix, SWT.NONE, r == null ? "0" : r.prefix());
        text(area, "stripDigits", Messages.RouteDialog_strip, SWT.NONE, r == null ? "0" : String.valueOf(
                r.stripDigits()));
        text(area, "prepend", Messages.RouteDialog_prepend, SWT.NONE, r == null ? "" : r.prepend());
        gateway = combo(area, "gatewayId", Messages.RouteDialog_gateway, gateways.names(),
                r == null ? 0 : gateways.indexOf(r.gatewayId()));
        text(area, "allowedGroup", Messages.RouteDialog_group, SWT.NONE,
                r == null || r.allowedGroup() == null ? "" : r.allowedGroup())
                .setMessage(Messages.RouteDialog_groupHint);
        text(area, "description", Messages.RouteDialog_description, SWT.NONE, r == null ? "" : r.description());
    }

    private String v(String field) {
        return field(field).getText().strip();
    }

    @Override
    protected Map<String, Optional<String>> check() {
        Map<String, Optional<String>> m = new LinkedHashMap<>();
        m.put("prefix", Checks.prefix(v("prefix")));
        m.put("stripDigits", Checks.strip(v("stripDigits"), v("prefix")));
        m.put("prepend", Checks.digits(v("prepend")));
        m.put("gatewayId", gateway.getSelectionIndex() < 0 ? Optional.of(Messages.Check_gateway) : Optional.empty());
        m.put("allowedGroup", v("allowedGroup").isEmpty() ? Optional.empty() : AccountRules.checkGroup(
                v("allowedGroup")));
        m.put("description", v("description").length() > 200 ? Optional.of(Messages.Check_description)
                : Optional.empty());
        return m;
    }

    @Override
    protected Supplier<RouteRule> request() {
        Integer strip = Checks.integer(v("stripDigits"));
        RouteRule rule = new RouteRule(existing == null ? 0 : existing.id(), v("prefix"), strip == null ? 0 : strip,
                v("prepend"), gateways.idAt(gateway.getSelectionIndex()),
                v("allowedGroup").isEmpty() ? null : v("allowedGroup"), v("description"));
        RouteRule r = existing;
        return r == null ? () -> service.createRoute(rule) : () -> service.updateRoute(r.id(), rule);
    }

    /** @return the gateway drop-down (for tests) */
    public Combo gateway() {
        return gateway;
    }
}
