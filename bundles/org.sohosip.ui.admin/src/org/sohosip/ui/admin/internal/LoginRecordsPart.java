// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.sohosip.client.core.AccountService;
import org.sohosip.core.LoginRecord;
import org.sohosip.ui.app.util.Background;
import org.sohosip.ui.app.util.Columns;

/** The latest login records (time, user, event, address), newest first. */
public final class LoginRecordsPart {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    @PostConstruct
    void create(Composite parent, AccountService service) {
        parent.setLayout(new GridLayout(2, false));
        Button refresh = new Button(parent, SWT.PUSH);
        refresh.setText(Messages.Accounts_refresh);
        Label status = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        TableViewer viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION);
        viewer.getTable().setHeaderVisible(true);
        column(viewer, Messages.Records_time, 180, r -> TIME.format(r.at()));
        column(viewer, Messages.Records_user, 130, LoginRecord::username);
        column(viewer, Messages.Records_event, 90, r -> r.event().name());
        column(viewer, Messages.Records_address, 160, LoginRecord::address);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(viewer.getControl());
        Runnable load = () -> {
            status.setText(Messages.Records_loading);
            Background.run(viewer.getControl(), AccountsPart.WORKER_THREAD, () -> service.loginRecords(200, null),
                    list -> {
                        viewer.setInput(list);
                        status.setText(NLS.bind(Messages.Records_count, list.size()));
                    }, e -> status.setText(String.valueOf(e.getMessage())));
        };
        refresh.addListener(SWT.Selection, e -> load.run());
        load.run();
    }

    private static void column(TableViewer viewer, String title, int width, Function<LoginRecord, String> text) {
        Columns.add(viewer, title, width, text);
    }
}
