// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.sohosip.client.core.DialPlanService;
import org.sohosip.core.api.EmergencyNumber;

/**
 * Adds an emergency number (always routed, whoever dials it) to the list; the server stores the whole new list or
 * nothing, and its message about the new entry shows under the number.
 */
public final class EmergencyNumberDialog extends FormDialog<List<EmergencyNumber>> {

    private final List<EmergencyNumber> current;
    private final GatewayChoice gateways;
    private final DialPlanService service;
    private Combo gateway;

    EmergencyNumberDialog(@Nullable Shell parent, List<EmergencyNumber> current, GatewayChoice gateways,
            DialPlanService service) {
        super(parent, Messages.EmergencyDialog_title, true);
        this.current = List.copyOf(current);
        this.gateways = gateways;
        this.service = service;
    }

    @Override
    protected void createFields(Composite area) {
        text(area, "number", Messages.EmergencyDialog_number, SWT.NONE, "");
        gateway = combo(area, "gatewayId", Messages.RouteDialog_gateway, gateways.names(), 0);
    }

    @Override
    protected Map<String, Optional<String>> check() {
        String n = field("number").getText().strip();
        Map<String, Optional<String>> m = new LinkedHashMap<>();
        m.put("number", current.stream().anyMatch(e -> e.number().equals(n))
                ? Optional.of(Messages.EmergencyDialog_duplicate) : Checks.emergency(n));
        m.put("gatewayId", gateway.getSelectionIndex() < 0 ? Optional.of(Messages.Check_gateway) : Optional.empty());
        return m;
    }

    /** The server names list entries ({@code numbers[2].number}, {@code [2].gatewayId}...): all are this form's. */
    @Override
    protected String fieldFor(String serverField) {
        return serverField.toLowerCase(java.util.Locale.ROOT).contains("gateway") ? "gatewayId" : "number";
    }

    @Override
    protected Supplier<List<EmergencyNumber>> request() {
        List<EmergencyNumber> next = new ArrayList<>(current);
        next.add(new EmergencyNumber(field("number").getText().strip(), gateways.idAt(gateway.getSelectionIndex())));
        return () -> service.setEmergencyNumbers(next);
    }
}
