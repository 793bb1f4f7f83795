// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.contacts.internal;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.sohosip.client.core.DirectoryService;
import org.sohosip.client.core.Telephony;
import org.sohosip.core.ContactRules;
import org.sohosip.core.api.DirectoryEntry;

/** The company directory tab: every colleague, searchable, read-only; double-click or Enter calls the extension. */
public final class DirectoryPart {

    private final DirectoryService service;
    private @Nullable Telephony telephony;
    private TableViewer viewer;
    private Text filter;
    private Label status;
    private List<DirectoryEntry> all = List.of();

    /** @param service the company directory */
    @Inject
    @SuppressWarnings("null")
    public DirectoryPart(DirectoryService service) {
        this.service = service;
    }

    /** @param phone the softphone when it runs */
    @Inject
    void telephony(@Optional @Nullable Telephony phone) {
        this.telephony = phone;
    }

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER);
        filter.setMessage(Messages.Directory_filter);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        column(Messages.Column_name, 220, DirectoryEntry::displayName);
        column(Messages.Column_extension, 100, DirectoryEntry::extension);
        column(Messages.Column_sip, 260, DirectoryEntry::sipAddress);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addDoubleClickListener(e -> callSelected()); // JFace reports Enter (default selection) here too
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
        status = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        filter.addModifyListener(e -> show());
        all = service.directory();
        show();
        Background.run(viewer.getControl(), service::refreshDirectory, list -> {
            all = list;
            show();
        }, e -> status.setText(e.getMessage()));
    }

    private void column(String title, int width, java.util.function.Function<DirectoryEntry, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((DirectoryEntry) element);
            }
        });
    }

    private void show() {
        String q = ContactRules.fold(filter.getText().strip());
        List<DirectoryEntry> shown = all.stream().filter(d -> q.isEmpty() || ContactRules.fold(d.displayName())
                .contains(q) || d.username().contains(q) || d.extension().contains(q)).toList();
        viewer.setInput(shown);
        status.setText(NLS.bind(Messages.Directory_count, shown.size(), all.size()));
    }

    /** Calls the selected colleague's extension. */
    public void callSelected() {
        Object o = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        if (o instanceof DirectoryEntry d) {
            status.setText(Dialer.dial(telephony, d.displayName(), d.extension()));
        }
    }

    /** @return the table */
    public TableViewer viewer() {
        return viewer;
    }

    /** @return the search field */
    public Text filter() {
        return filter;
    }

    /** @return the status line */
    public String statusText() {
        return status.getText();
    }
}
