// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.internal;

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
import org.sohosip.client.core.InboundNumberService;
import org.sohosip.core.api.InboundNumber;
import org.sohosip.core.api.InboundTargetKind;
import org.sohosip.ui.app.util.Background;
import org.sohosip.ui.app.util.Columns;

/** The inbound numbers (DIDs): where each one's calls go during office hours and after them. */
public final class InboundNumbersPart {

    private final InboundNumberService service;
    private TableViewer viewer;
    private Label status;

    /** @param service the inbound numbers on the logged-in server */
    @Inject
    @SuppressWarnings("null")
    public InboundNumbersPart(InboundNumberService service) {
        this.service = service;
    }

    /** @return "Ring group reception" and the like */
    static String target(@Nullable InboundTargetKind kind, @Nullable String target) {
        return kind == null ? Messages.Inbound_same : InboundNumberDialog.kindLabel(kind) + " " + target;
    }

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(5, false));
        Buttons.push(parent, Messages.Accounts_new, () -> edit(null));
        Buttons.push(parent, Messages.Accounts_edit, () -> edit(selected()));
        Buttons.push(parent, Messages.Gateways_delete, this::delete);
        Buttons.push(parent, Messages.Accounts_refresh, this::refresh);
        status = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        Columns.<InboundNumber>add(viewer, Messages.Inbound_did, 120, InboundNumber::did);
        Columns.<InboundNumber>add(viewer, Messages.Inbound_officeTarget, 190, n -> target(n.targetKind(),
                n.target()));
        Columns.<InboundNumber>add(viewer, Messages.Inbound_hours, 230, n -> (n.officeHours() == null
                || n.officeHours().isBlank() ? Messages.Inbound_always : n.officeHours()) + " (" + n.timeZone() + ")");
        Columns.<InboundNumber>add(viewer, Messages.Inbound_afterTarget, 190, n -> target(n.afterHoursKind(),
                n.afterHoursTarget()));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addDoubleClickListener(e -> edit(selected()));
        GridDataFactory.fillDefaults().grab(true, true).span(5, 1).applyTo(viewer.getControl());
        refresh();
    }

    /** Loads the inbound numbers in the background. */
    public void refresh() {
        status.setText(Messages.Inbound_loading);
        Background.run(viewer.getControl(), AccountsPart.WORKER_THREAD, service::inboundNumbers, list -> {
            viewer.setInput(list);
            status.setText(NLS.bind(Messages.Inbound_count, list.size()));
        }, e -> status.setText(NLS.bind(Messages.Inbound_failed, e.getMessage())));
    }

    private @Nullable InboundNumber selected() {
        Object o = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return o instanceof InboundNumber n ? n : null;
    }

    /** Opens the dialog for a new inbound number ({@code null}) or the given one. */
    public void edit(@Nullable InboundNumber number) {
        if (dialog(number).open() == Window.OK) {
            refresh();
        }
    }

    /** @return the dialog for a new inbound number ({@code null}) or the given one, not yet open */
    public InboundNumberDialog dialog(@Nullable InboundNumber number) {
        return new InboundNumberDialog(viewer.getControl().getShell(), number, service);
    }

    private void delete() {
        InboundNumber n = selected();
        if (n == null || !MessageDialog.openQuestion(viewer.getControl().getShell(), Messages.Inbound_deleteTitle,
                NLS.bind(Messages.Inbound_deleteQuestion, n.did()))) {
            return;
        }
        Background.run(viewer.getControl(), AccountsPart.WORKER_THREAD, () -> {
            service.delete(n.id());
            return n;
        }, x -> refresh(), e -> status.setText(String.valueOf(e.getMessage())));
    }

    /** @return the table viewer (for tests) */
    public TableViewer viewer() {
        return viewer;
    }

    /** @return the status line (for tests) */
    public String statusText() {
        return status.getText();
    }
}
