// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.dialogs.IInputValidator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Text;
import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.client.core.AccountService;
import org.sohosip.core.Account;
import org.sohosip.core.AccountRules;
import org.sohosip.core.api.AccountChanges;
import org.sohosip.ui.app.util.Background;
import org.sohosip.ui.app.util.Columns;

/** The accounts table with filter-as-you-type, sortable columns and the account actions. */
public final class AccountsPart {

    /** Names the threads that talk to the server for the administration parts and dialogs. */
    static final String WORKER_THREAD = "SOHOSIP administration";

    private final AccountService service;
    private TableViewer viewer;
    private Text filter;
    private Label status;
    private ProgressBar progress;
    private List<Account> all = List.of();
    private int sortColumn;
    private boolean descending;

    /** @param service account administration on the logged-in server */
    @Inject
    @SuppressWarnings("null")
    public AccountsPart(AccountService service) {
        this.service = service;
    }

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(6, false));
        filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER);
        filter.setMessage(Messages.Accounts_filter);
        GridDataFactory.fillDefaults().grab(true, false).span(6, 1).applyTo(filter);
        button(parent, Messages.Accounts_new, this::newAccount);
        button(parent, Messages.Accounts_edit, this::edit);
        Button toggle = button(parent, Messages.Accounts_disable, this::toggleEnabled);
        button(parent, Messages.Accounts_resetPassword, this::resetPassword);
        button(parent, Messages.Accounts_refresh, this::refresh);
        progress = new ProgressBar(parent, SWT.INDETERMINATE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(progress);

        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        column(0, Messages.Column_username, 130, Account::username);
        column(1, Messages.Column_displayName, 180, Account::displayName);
        column(2, Messages.Column_extension, 90, Account::extension);
        column(3, Messages.Column_aliases, 180, a -> String.join(", ", a.aliases()));
        column(4, Messages.Column_admin, 70, a -> a.admin() ? Messages.Yes : Messages.No);
        column(5, Messages.Column_enabled, 70, a -> a.enabled() ? Messages.Yes : Messages.No);
        column(6, Messages.Column_pstn, 160, a -> (a.pstnAllowed() ? NLS.bind(Messages.Column_pstnLimit,
                a.outsideCallLimit()) : Messages.No) + (a.groups().isEmpty() ? "" : " – " + String.join(", ",
                        a.groups())));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setComparator(new ViewerComparator() {
            @Override
            public int compare(Viewer v, Object a, Object b) {
                int c = text(sortColumn, (Account) a).compareToIgnoreCase(text(sortColumn, (Account) b));
                return descending ? -c : c;
            }
        });
        viewer.addFilter(new ViewerFilter() {
            @Override
            public boolean select(Viewer v, Object parentElement, Object element) {
                return matches((Account) element, filter.getText());
            }
        });
        viewer.addDoubleClickListener(e -> edit());
        viewer.addSelectionChangedListener(e -> {
            Account a = selected();
            toggle.setText(a != null && !a.enabled() ? Messages.Accounts_enable : Messages.Accounts_disable);
        });
        GridDataFactory.fillDefaults().grab(true, true).span(6, 1).applyTo(viewer.getControl());
        status = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(6, 1).applyTo(status);
        filter.addModifyListener(e -> {
            viewer.refresh();
            showCount();
        });
        refresh();
    }

    /** @return whether {@code a} matches the filter text (user name, display name, extension or an alias) */
    static boolean matches(Account a, String filterText) {
        String f = filterText.strip().toLowerCase(Locale.ROOT);
        if (f.isEmpty()) {
            return true;
        }
        return a.username().toLowerCase(Locale.ROOT).contains(f)
                || a.displayName().toLowerCase(Locale.ROOT).contains(f) || a.extension().contains(f)
                || a.aliases().stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).contains(f));
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    private final Function<?, ?>[] texts = new Function<?, ?>[7];

    @SuppressWarnings("unchecked")
    private String text(int column, Account a) {
        return ((Function<Account, String>) texts[column]).apply(a);
    }

    private void column(int index, String title, int width, Function<Account, String> text) {
        texts[index] = text;
        TableViewerColumn c = Columns.add(viewer, title, width, text);
        c.getColumn().setMoveable(true);
        c.getColumn().addListener(SWT.Selection, e -> {
            descending = sortColumn == index && !descending;
            sortColumn = index;
            viewer.getTable().setSortColumn(c.getColumn());
            viewer.getTable().setSortDirection(descending ? SWT.DOWN : SWT.UP);
            viewer.refresh();
        });
    }

    @Focus
    void focus() {
        filter.setFocus();
    }

    /** Loads the accounts in the background. */
    public void refresh() {
        progress.setVisible(true);
        status.setText(Messages.Accounts_loading);
        Background.run(viewer.getControl(), WORKER_THREAD, service::accounts, list -> {
            all = list;
            viewer.setInput(list);
            progress.setVisible(false);
            showCount();
        }, e -> {
            progress.setVisible(false);
            status.setText(NLS.bind(Messages.Accounts_failed, e.getMessage()));
        });
    }

    private void showCount() {
        status.setText(NLS.bind(Messages.Accounts_count, viewer.getTable().getItemCount(), all.size()));
    }

    private @Nullable Account selected() {
        Object o = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return o instanceof Account a ? a : null;
    }

    /** Opens the New account dialog. */
    public void newAccount() {
        AccountDialog d = new AccountDialog(viewer.getControl().getShell(), null,
                (created, changes) -> service.create(created));
        if (d.open() == Window.OK) {
            refresh();
        }
    }

    private void edit() {
        Account a = selected();
        if (a != null && new AccountDialog(viewer.getControl().getShell(), a,
                (created, changes) -> service.update(a.id(), changes)).open() == Window.OK) {
            refresh();
        }
    }

    private void toggleEnabled() {
        Account a = selected();
        if (a != null) {
            Background.run(viewer.getControl(), WORKER_THREAD,
                    () -> service.update(a.id(), new AccountChanges(null, null, null, null, !a.enabled())),
                    changed -> refresh(), e -> status.setText(String.valueOf(e.getMessage())));
        }
    }

    private void resetPassword() {
        Account a = selected();
        if (a == null) {
            return;
        }
        IInputValidator rule = text -> AccountRules.checkPassword(text).orElse(null);
        InputDialog d = new InputDialog(viewer.getControl().getShell(), Messages.ResetPassword_title,
                NLS.bind(Messages.ResetPassword_prompt, a.username()), "", rule) {
            @Override
            protected int getInputTextStyle() {
                return SWT.SINGLE | SWT.BORDER | SWT.PASSWORD;
            }
        };
        if (d.open() == Window.OK) {
            char[] pw = d.getValue().toCharArray();
            Background.run(viewer.getControl(), WORKER_THREAD, () -> {
                service.setPassword(a.id(), pw);
                return a;
            }, x -> status.setText(""), e -> status.setText(String.valueOf(e.getMessage())));
        }
    }

    /** @return the table viewer (for tests) */
    public TableViewer viewer() {
        return viewer;
    }

    /** @return the filter field (for tests) */
    public Text filter() {
        return filter;
    }

    /** @return the status text (for tests) */
    public String statusText() {
        return status.getText();
    }
}
