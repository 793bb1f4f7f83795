// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.sohosip.client.core.DialPlanService;
import org.sohosip.client.core.GatewayService;
import org.sohosip.core.api.EmergencyNumber;
import org.sohosip.core.api.RouteRule;
import org.sohosip.ui.app.util.Background;
import org.sohosip.ui.app.util.Columns;

/**
 * The outbound dial plan: route rules, longest prefix first (the order in which the proxy tries them), and below
 * them the emergency numbers that always reach a gateway, even for accounts without PSTN permission.
 */
public final class RoutesPart {

    /** What the part shows, loaded together so gateway names and rules agree. */
    private record DialPlan(GatewayChoice gateways, List<RouteRule> routes, List<EmergencyNumber> emergency) {
    }

    private final DialPlanService service;
    private final GatewayService gatewayService;
    private TableViewer routes;
    private TableViewer emergency;
    private Label status;
    private DialPlan plan = new DialPlan(new GatewayChoice(List.of()), List.of(), List.of());

    /**
     * @param service        the dial plan on the logged-in server
     * @param gatewayService the gateways, for their names
     */
    @Inject
    @SuppressWarnings("null")
    public RoutesPart(DialPlanService service, GatewayService gatewayService) {
        this.service = service;
        this.gatewayService = gatewayService;
    }

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(5, false));
        Buttons.push(parent, Messages.Accounts_new, () -> edit(null));
        Buttons.push(parent, Messages.Accounts_edit, () -> edit(selectedRoute()));
        Buttons.push(parent, Messages.Gateways_delete, this::deleteRoute);
        Buttons.push(parent, Messages.Accounts_refresh, this::refresh);
        status = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        routes = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        routes.getTable().setHeaderVisible(true);
        routes.getTable().setLinesVisible(true);
        Columns.<RouteRule>add(routes, Messages.Routes_prefix, 80, RouteRule::prefix);
        Columns.<RouteRule>add(routes, Messages.Routes_strip, 60, r -> String.valueOf(r.stripDigits()));
        Columns.<RouteRule>add(routes, Messages.Routes_prepend, 80, RouteRule::prepend);
        Columns.<RouteRule>add(routes, Messages.Routes_gateway, 120, r -> plan.gateways().name(r.gatewayId()));
        Columns.<RouteRule>add(routes, Messages.Routes_group, 230,
                r -> r.allowedGroup() == null ? Messages.Routes_everyone : r.allowedGroup());
        Columns.<RouteRule>add(routes, Messages.Routes_description, 220, RouteRule::description);
        routes.setContentProvider(ArrayContentProvider.getInstance());
        routes.addDoubleClickListener(e -> edit(selectedRoute()));
        GridDataFactory.fillDefaults().grab(true, true).span(5, 1).applyTo(routes.getControl());

        Label title = new Label(parent, SWT.NONE);
        title.setText(Messages.Emergency_title);
        GridDataFactory.fillDefaults().span(5, 1).applyTo(title);
        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new org.eclipse.swt.layout.RowLayout());
        GridDataFactory.fillDefaults().span(5, 1).applyTo(buttons);
        Buttons.push(buttons, Messages.Emergency_add, this::addEmergency);
        Buttons.push(buttons, Messages.Emergency_remove, this::removeEmergency);
        emergency = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        emergency.getTable().setHeaderVisible(true);
        Columns.<EmergencyNumber>add(emergency, Messages.Emergency_number, 100, EmergencyNumber::number);
        Columns.<EmergencyNumber>add(emergency, Messages.Routes_gateway, 160,
                n -> plan.gateways().name(n.gatewayId()));
        emergency.setContentProvider(ArrayContentProvider.getInstance());
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 110).span(5, 1)
                .applyTo(emergency.getControl());
        refresh();
    }

    /** Loads gateways, rules and emergency numbers in the background. */
    public void refresh() {
        status.setText(Messages.Routes_loading);
        Background.run(routes.getControl(), AccountsPart.WORKER_THREAD,
                () -> new DialPlan(new GatewayChoice(gatewayService.gateways()), service.routes(),
                        service.emergencyNumbers()), p -> {
                            plan = p;
                            routes.setInput(p.routes());
                            emergency.setInput(p.emergency());
                            status.setText(NLS.bind(Messages.Routes_count, p.routes().size(), p.emergency().size()));
                        }, e -> status.setText(NLS.bind(Messages.Routes_failed, e.getMessage())));
    }

    private @Nullable RouteRule selectedRoute() {
        Object o = ((IStructuredSelection) routes.getSelection()).getFirstElement();
        return o instanceof RouteRule r ? r : null;
    }

    /** Opens the route dialog for a new rule ({@code null}) or the given one. */
    public void edit(@Nullable RouteRule rule) {
        if (routeDialog(rule).open() == Window.OK) {
            refresh();
        }
    }

    private void deleteRoute() {
        RouteRule r = selectedRoute();
        if (r == null || !MessageDialog.openQuestion(routes.getControl().getShell(), Messages.Routes_deleteTitle,
                NLS.bind(Messages.Routes_deleteQuestion, r.prefix()))) {
            return;
        }
        Background.run(routes.getControl(), AccountsPart.WORKER_THREAD, () -> {
            service.deleteRoute(r.id());
            return r;
        }, x -> refresh(), e -> status.setText(String.valueOf(e.getMessage())));
    }

    private void addEmergency() {
        if (emergencyDialog().open() == Window.OK) {
            refresh();
        }
    }

    private void removeEmergency() {
        Object o = ((IStructuredSelection) emergency.getSelection()).getFirstElement();
        if (!(o instanceof EmergencyNumber n)) {
            return;
        }
        List<EmergencyNumber> next = new ArrayList<>(plan.emergency());
        next.remove(n);
        Background.run(routes.getControl(), AccountsPart.WORKER_THREAD, () -> service.setEmergencyNumbers(next),
                x -> refresh(), e -> status.setText(String.valueOf(e.getMessage())));
    }

    /** @return the route table (for tests) */
    public TableViewer routes() {
        return routes;
    }

    /** @return the emergency number table (for tests) */
    public TableViewer emergency() {
        return emergency;
    }

    /** @return the status line (for tests) */
    public String statusText() {
        return status.getText();
    }

    /** @return the Add emergency number dialog for the list shown, not yet open */
    public EmergencyNumberDialog emergencyDialog() {
        return new EmergencyNumberDialog(routes.getControl().getShell(), plan.emergency(), plan.gateways(), service);
    }

    /** @return the route dialog for a new rule ({@code null}) or the given one, not yet open */
    public RouteDialog routeDialog(@Nullable RouteRule rule) {
        return new RouteDialog(routes.getControl().getShell(), rule, plan.gateways(), service);
    }
}
