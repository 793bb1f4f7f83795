// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
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
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.TableItem;
import org.sohosip.client.core.ClientException;
import org.sohosip.client.core.GatewayService;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.GatewayState;
import org.sohosip.core.api.GatewayStatus;
import org.sohosip.ui.app.util.Background;
import org.sohosip.ui.app.util.Columns;

/**
 * The PSTN gateways with the live state of each AMI link (Asterisk version, since when, last error), refreshed
 * every few seconds while the part is open; a change of state is told in the status line and the row's colour.
 */
public final class GatewaysPart {

    /** How often the statuses are asked for again. */
    static final int REFRESH_MILLIS = 5_000;

    private final GatewayService service;
    private TableViewer viewer;
    private Label status;
    private Label change;
    private ProgressBar progress;
    private List<GatewayRow> rows = List.of();
    private final Map<Long, GatewayState> lastStates = new HashMap<>();
    private boolean loading;
    private int refreshMillis = REFRESH_MILLIS;
    private final Runnable tick = this::tick;

    /** @param service gateway administration on the logged-in server */
    @Inject
    @SuppressWarnings("null")
    public GatewaysPart(GatewayService service) {
        this.service = service;
    }

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(5, false));
        Buttons.push(parent, Messages.Accounts_new, () -> edit(null));
        Buttons.push(parent, Messages.Accounts_edit, () -> edit(selected()));
        Buttons.push(parent, Messages.Gateways_delete, this::delete);
        Buttons.push(parent, Messages.Accounts_refresh, this::refresh);
        progress = new ProgressBar(parent, SWT.INDETERMINATE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(progress);
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        Columns.<GatewayRow>add(viewer, Messages.Gateways_name, 130, r -> r.gateway().name());
        Columns.<GatewayRow>add(viewer, Messages.Gateways_ami, 170, GatewayRow::ami);
        Columns.<GatewayRow>add(viewer, Messages.Gateways_trunk, 100, r -> r.gateway().trunkName());
        Columns.<GatewayRow>add(viewer, Messages.Gateways_channel, 140, r -> r.gateway().outboundChannel());
        Columns.<GatewayRow>add(viewer, Messages.Gateways_status, 640, GatewayRow::statusText);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addDoubleClickListener(e -> edit(selected()));
        GridDataFactory.fillDefaults().grab(true, true).span(5, 1).applyTo(viewer.getControl());
        change = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(5, 1).applyTo(change);
        status = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(5, 1).applyTo(status);
        refresh();
        parent.getDisplay().timerExec(refreshMillis, tick);
    }

    @PreDestroy
    void dispose() {
        if (!viewer.getControl().isDisposed()) {
            viewer.getControl().getDisplay().timerExec(-1, tick);
        }
    }

    private void tick() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        if (viewer.getControl().isVisible()) {
            load(false);
        }
        viewer.getControl().getDisplay().timerExec(refreshMillis, tick);
    }

    /** Loads the gateways and their statuses in the background (one load at a time). */
    public void refresh() {
        load(true);
    }

    /** @param visibly whether the progress bar shows it (not for the periodic status refresh: no flicker) */
    private void load(boolean visibly) {
        if (loading) {
            return;
        }
        loading = true;
        progress.setVisible(visibly);
        Background.run(viewer.getControl(), AccountsPart.WORKER_THREAD, this::gatewaysWithStatus, list -> {
            loading = false;
            progress.setVisible(false);
            show(list);
        }, e -> {
            loading = false;
            progress.setVisible(false);
            status.setText(NLS.bind(Messages.Gateways_failed, e.getMessage()));
        });
    }

    private List<GatewayRow> gatewaysWithStatus() {
        List<GatewayRow> out = new ArrayList<>();
        for (Gateway g : service.gateways()) {
            try {
                out.add(new GatewayRow(g, service.status(g.id()), null));
            } catch (ClientException e) {
                out.add(new GatewayRow(g, null, e.getMessage()));
            }
        }
        return out;
    }

    private void show(List<GatewayRow> list) {
        Object selected = selected();
        List<String> changes = new ArrayList<>();
        for (GatewayRow r : list) {
            GatewayState now = r.state();
            GatewayState before = lastStates.get(r.gateway().id());
            if (before != null && now != null && before != now) {
                changes.add(NLS.bind(Messages.Gateways_changed, new Object[] { r.gateway().name(),
                        GatewayRow.stateLabel(before), GatewayRow.stateLabel(now) }));
            }
            if (now != null) {
                lastStates.put(r.gateway().id(), now);
            }
        }
        rows = list;
        viewer.setInput(list);
        colour();
        if (selected instanceof Gateway g) {
            list.stream().filter(r -> r.gateway().id() == g.id()).findFirst()
                    .ifPresent(r -> viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(r)));
        }
        if (!changes.isEmpty()) {
            change.setText(String.join("  ", changes));
            change.getParent().layout(true, true);
        }
        status.setText(NLS.bind(Messages.Gateways_count, list.size()));
    }

    /** Green for connected, red for down, grey for disabled: the state is seen at a glance. */
    private void colour() {
        for (TableItem item : viewer.getTable().getItems()) {
            GatewayState s = ((GatewayRow) item.getData()).state();
            int colour = s == null ? SWT.COLOR_DARK_YELLOW : switch (s) {
                case CONNECTED -> SWT.COLOR_DARK_GREEN;
                case CONNECTING -> SWT.COLOR_DARK_YELLOW;
                case DOWN -> SWT.COLOR_DARK_RED;
                case DISABLED -> SWT.COLOR_DARK_GRAY;
            };
            item.setForeground(4, item.getDisplay().getSystemColor(colour));
        }
    }

    private @Nullable Gateway selected() {
        Object o = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return o instanceof GatewayRow r ? r.gateway() : null;
    }

    /** Opens the gateway dialog for a new gateway ({@code null}) or the given one. */
    public void edit(@Nullable Gateway gateway) {
        if (new GatewayDialog(viewer.getControl().getShell(), gateway, service).open() == Window.OK) {
            refresh();
        }
    }

    private void delete() {
        Gateway g = selected();
        if (g == null || !MessageDialog.openQuestion(viewer.getControl().getShell(), Messages.Gateways_deleteTitle,
                NLS.bind(Messages.Gateways_deleteQuestion, g.name()))) {
            return;
        }
        Background.run(viewer.getControl(), AccountsPart.WORKER_THREAD, () -> {
            service.delete(g.id());
            return g;
        }, x -> refresh(), e -> status.setText(String.valueOf(e.getMessage())));
    }

    /** @param millis how often statuses are refreshed (tests shorten it) */
    public void refreshEvery(int millis) {
        refreshMillis = millis;
        viewer.getControl().getDisplay().timerExec(millis, tick);
    }

    /** @return the table viewer (for tests) */
    public TableViewer viewer() {
        return viewer;
    }

    /** @return the rows shown (for tests) */
    public List<GatewayRow> rows() {
        return rows;
    }

    /** @return the status line (for tests) */
    public String statusText() {
        return status.getText();
    }

    /** @return the last state changes told (for tests) */
    public String changeText() {
        return Objects.requireNonNullElse(change.getText(), "");
    }

    /** @return the status text of the named gateway's row, or {@code null} (for tests) */
    public @Nullable String statusOf(String name) {
        return rows.stream().filter(r -> r.gateway().name().equals(name)).map(GatewayRow::statusText).findFirst()
                .orElse(null);
    }

    /** @return the status of the named gateway, or {@code null} (for tests) */
    public @Nullable GatewayStatus statusRecord(String name) {
        return rows.stream().filter(r -> r.gateway().name().equals(name)).map(GatewayRow::status)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }
}
