// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.sohosip.client.core.AccountService;
import org.sohosip.client.core.BillingFilter;
import org.sohosip.client.core.BillingService;
import org.sohosip.client.core.GatewayService;
import org.sohosip.core.Account;
import org.sohosip.core.api.BillingDirection;
import org.sohosip.core.api.BillingRecord;
import org.sohosip.core.api.BillingTotals;
import org.sohosip.core.api.Gateway;
import org.sohosip.ui.app.util.Background;
import org.sohosip.ui.app.util.Columns;

/**
 * Call detail reports of the calls through the gateways: filter by user (a drop-down of the office's accounts, so a
 * user name cannot be mistyped), gateway, date range and direction; the calls, totals (calls, minutes) per user and
 * per day, a chart of calls per day or per hour, and the CSV export in Asterisk's {@code Master.csv} column order.
 */
public final class BillingPart {

    /** Calls listed at most; totals and the export cover every call of the filter. */
    static final int LIST_LIMIT = 1000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT,
            FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

    private final BillingService service;
    private final GatewayService gatewayService;
    private final AccountService accountService;
    private final ZoneId zone = ZoneId.systemDefault();
    private Combo user;
    private Combo gateway;
    private DateTime from;
    private DateTime to;
    private Combo direction;
    private Label rangeError;
    private Label status;
    private TableViewer calls;
    private TableViewer byUser;
    private TableViewer byDay;
    private CallsChart chart;
    private Button perHour;
    private GatewayChoice gateways = new GatewayChoice(List.of());
    private UserChoice users = new UserChoice(List.of());
    private @Nullable ReportData report;
    private boolean loading;

    /**
     * @param service        the billing records on the logged-in server
     * @param gatewayService the gateways, for the filter
     * @param accountService the office's accounts, for the filter
     */
    @Inject
    @SuppressWarnings("null")
    public BillingPart(BillingService service, GatewayService gatewayService, AccountService accountService) {
        this.service = service;
        this.gatewayService = gatewayService;
        this.accountService = accountService;
    }

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        // two rows: who and which way, then the dates and the actions
        Composite filters = new Composite(parent, SWT.NONE);
        filters.setLayout(new GridLayout(6, false));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filters);
        new Label(filters, SWT.NONE).setText(Messages.Billing_user);
        user = new Combo(filters, SWT.READ_ONLY);
        user.setItems(Messages.Billing_allUsers);
        user.select(0);
        GridDataFactory.fillDefaults().hint(180, SWT.DEFAULT).applyTo(user);
        new Label(filters, SWT.NONE).setText(Messages.Billing_gateway);
        gateway = new Combo(filters, SWT.READ_ONLY);
        gateway.setItems(Messages.Billing_anyGateway);
        gateway.select(0);
        GridDataFactory.fillDefaults().hint(150, SWT.DEFAULT).applyTo(gateway);
        new Label(filters, SWT.NONE).setText(Messages.Billing_direction);
        direction = new Combo(filters, SWT.READ_ONLY);
        direction.setItems(Messages.Billing_bothDirections, Messages.Billing_outbound, Messages.Billing_inbound);
        direction.select(0);
        new Label(filters, SWT.NONE).setText(Messages.Billing_from);
        from = new DateTime(filters, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        set(from, LocalDate.now(zone).minusDays(30));
        new Label(filters, SWT.NONE).setText(Messages.Billing_to);
        to = new DateTime(filters, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        set(to, LocalDate.now(zone));
        Composite actions = new Composite(filters, SWT.NONE);
        actions.setLayout(new org.eclipse.swt.layout.RowLayout());
        GridDataFactory.fillDefaults().span(2, 1).applyTo(actions);
        Buttons.push(actions, Messages.Billing_show, this::refresh);
        Buttons.push(actions, Messages.Billing_export, this::chooseExport);
        rangeError = new Label(parent, SWT.WRAP);
        rangeError.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(rangeError);

        TabFolder tabs = new TabFolder(parent, SWT.TOP);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(tabs);
        calls = table(tabs, Messages.Billing_callsTab);
        Columns.<BillingRecord>add(calls, Messages.Billing_start, 150, r -> TIME.format(r.start()));
        Columns.<BillingRecord>add(calls, Messages.Billing_user, 90, r -> r.account() == null ? "" : r.account());
        Columns.<BillingRecord>add(calls, Messages.Billing_gateway, 90, r -> r.gateway() == null ? "" : r.gateway());
        Columns.<BillingRecord>add(calls, Messages.Billing_number, 120, BillingRecord::externalNumber);
        Columns.<BillingRecord>add(calls, Messages.Billing_direction, 80, r -> r.direction() == BillingDirection.INBOUND
                ? Messages.Billing_inbound : Messages.Billing_outbound);
        Columns.<BillingRecord>add(calls, Messages.Billing_seconds, 80, r -> String.valueOf(r.billableSeconds()));
        Columns.<BillingRecord>add(calls, Messages.Billing_disposition, 100, r -> r.disposition().asteriskName());

        Composite totals = new Composite(tabs, SWT.NONE);
        totals.setLayout(new FillLayout(SWT.HORIZONTAL));
        byUser = totalsTable(totals, Messages.Billing_user);
        byDay = totalsTable(totals, Messages.Billing_day);
        TabItem totalsTab = new TabItem(tabs, SWT.NONE);
        totalsTab.setText(Messages.Billing_totalsTab);
        totalsTab.setControl(totals);

        Composite charts = new Composite(tabs, SWT.NONE);
        charts.setLayout(new GridLayout(2, false));
        Button perDay = new Button(charts, SWT.RADIO);
        perDay.setText(Messages.Billing_perDay);
        perDay.setSelection(true);
        perHour = new Button(charts, SWT.RADIO);
        perHour.setText(Messages.Billing_perHour);
        perDay.addListener(SWT.Selection, e -> showChart());
        perHour.addListener(SWT.Selection, e -> showChart());
        chart = new CallsChart(charts);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(chart);
        TabItem chartTab = new TabItem(tabs, SWT.NONE);
        chartTab.setText(Messages.Billing_chartTab);
        chartTab.setControl(charts);

        status = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        Background.run(gateway, AccountsPart.WORKER_THREAD, gatewayService::gateways, this::gatewaysLoaded,
                e -> status.setText(String.valueOf(e.getMessage())));
        Background.run(user, AccountsPart.WORKER_THREAD, accountService::accounts, this::accountsLoaded,
                e -> status.setText(NLS.bind(Messages.Billing_usersFailed, e.getMessage())));
        refresh();
    }

    private static TableViewer table(TabFolder tabs, String title) {
        TableViewer v = new TableViewer(tabs, SWT.BORDER | SWT.FULL_SELECTION);
        v.getTable().setHeaderVisible(true);
        v.getTable().setLinesVisible(true);
        v.setContentProvider(ArrayContentProvider.getInstance());
        TabItem item = new TabItem(tabs, SWT.NONE);
        item.setText(title);
        item.setControl(v.getControl());
        return v;
    }

    private static TableViewer totalsTable(Composite parent, String keyTitle) {
        TableViewer v = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION);
        v.getTable().setHeaderVisible(true);
        v.getTable().setLinesVisible(true);
        Columns.<BillingTotals>add(v, keyTitle, 110, BillingTotals::key);
        Columns.<BillingTotals>add(v, Messages.Billing_calls, 60, t -> String.valueOf(t.calls()));
        Columns.<BillingTotals>add(v, Messages.Billing_answered, 80, t -> String.valueOf(t.answeredCalls()));
        Columns.<BillingTotals>add(v, Messages.Billing_minutes, 80, t -> ReportData.minutes(t.billableSeconds()));
        v.setContentProvider(ArrayContentProvider.getInstance());
        return v;
    }

    private void gatewaysLoaded(List<Gateway> list) {
        gateways = new GatewayChoice(list);
        int chosen = gateway.getSelectionIndex();
        String[] names = gateways.names();
        String[] items = new String[names.length + 1];
        items[0] = Messages.Billing_anyGateway;
        System.arraycopy(names, 0, items, 1, names.length);
        gateway.setItems(items);
        gateway.select(Math.max(0, chosen));
        gateway.getParent().layout(true, true);
    }

    private void accountsLoaded(List<Account> list) {
        // keep the chosen user by name: the list may have changed since it was chosen
        String chosen = users.usernameAt(user.getSelectionIndex());
        users = new UserChoice(list);
        user.setItems(users.items(Messages.Billing_allUsers));
        user.select(Math.max(0, users.indexOf(chosen)));
        user.getParent().layout(true, true);
    }

    private static void set(DateTime d, LocalDate date) {
        d.setDate(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
    }

    private static LocalDate get(DateTime d) {
        return LocalDate.of(d.getYear(), d.getMonth() + 1, d.getDay());
    }

    /** @return the filter the fields describe, or {@code null} (with the message under the dates) */
    private @Nullable BillingFilter filter() {
        LocalDate start = get(from);
        LocalDate end = get(to);
        if (end.isBefore(start)) {
            rangeError.setText(Messages.Billing_badRange);
            rangeError.getParent().layout(true, true);
            return null;
        }
        rangeError.setText("");
        String u = users.usernameAt(user.getSelectionIndex());
        int g = gateway.getSelectionIndex();
        BillingDirection d = switch (direction.getSelectionIndex()) {
            case 1 -> BillingDirection.OUTBOUND;
            case 2 -> BillingDirection.INBOUND;
            default -> null;
        };
        // the "to" day counts whole: calls before the start of the next day
        return new BillingFilter(u, g <= 0 ? null : gateways.idAt(g - 1),
                start.atStartOfDay(zone).toInstant(), end.plusDays(1).atStartOfDay(zone).toInstant(), d);
    }

    /** Loads the report for the current filter in the background. */
    public void refresh() {
        BillingFilter f = filter();
        if (f == null || loading) {
            return;
        }
        loading = true;
        status.setText(Messages.Billing_loading);
        Background.run(calls.getControl(), AccountsPart.WORKER_THREAD, () -> new ReportData(
                service.records(f, LIST_LIMIT), service.totals(f, BillingService.Grouping.USER, zone),
                service.totals(f, BillingService.Grouping.DAY, zone),
                service.totals(f, BillingService.Grouping.HOUR, zone)), r -> {
                    loading = false;
                    report = r;
                    calls.setInput(r.records());
                    byUser.setInput(r.byUser());
                    byDay.setInput(r.byDay());
                    showChart();
                    status.setText(NLS.bind(Messages.Billing_summary, r.calls(), ReportData.minutes(
                            r.billableSeconds())));
                }, e -> {
                    loading = false;
                    status.setText(NLS.bind(Messages.Billing_failed, e.getMessage()));
                });
    }

    private void showChart() {
        ReportData r = report;
        if (r == null) {
            return;
        }
        if (perHour.getSelection()) {
            chart.show(Messages.Billing_perHour, r.hourBars());
        } else {
            chart.show(Messages.Billing_perDay, r.dayBars());
        }
    }

    private void chooseExport() {
        FileDialog d = new FileDialog(calls.getControl().getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] { "*.csv" });
        d.setFileName("Master.csv");
        d.setOverwrite(true);
        String file = d.open();
        if (file != null) {
            export(Path.of(file));
        }
    }

    /** Exports the current filter's calls as CSV to {@code file} in the background. */
    public void export(Path file) {
        BillingFilter f = filter();
        if (f == null) {
            return;
        }
        status.setText(Messages.Billing_exporting);
        Background.run(calls.getControl(), AccountsPart.WORKER_THREAD, () -> service.exportCsv(f, file),
                n -> status.setText(NLS.bind(Messages.Billing_exported, n, file)),
                e -> status.setText(NLS.bind(Messages.Billing_exportFailed, e.getMessage())));
    }

    /** Chooses the chart per hour ({@code true}) or per day (for tests). */
    public void chartPerHour(boolean hourly) {
        perHour.setSelection(hourly);
        ((Button) perHour.getParent().getChildren()[0]).setSelection(!hourly);
        showChart();
    }

    /**
     * Sets the filter fields (for tests); {@code username} null = all users, {@code gatewayName} null = any gateway,
     * {@code dir} null = both.
     */
    public void filterBy(@Nullable String username, @Nullable String gatewayName, LocalDate start, LocalDate end,
            @Nullable BillingDirection dir) {
        chooseUser(username);
        gateway.select(gatewayName == null ? 0 : gateway.indexOf(gatewayName));
        set(from, start);
        set(to, end);
        direction.select(dir == null ? 0 : dir == BillingDirection.OUTBOUND ? 1 : 2);
    }

    /**
     * Chooses a user in the drop-down as a click would, {@code null} for "All users" (for tests).
     *
     * @throws IllegalArgumentException when the drop-down does not offer the user
     */
    public void chooseUser(@Nullable String username) {
        int index = users.indexOf(username);
        if (index < 0) {
            throw new IllegalArgumentException("The user drop-down does not offer " + username);
        }
        user.select(index);
        user.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    /** @return the user drop-down (for tests) */
    public Combo userChoice() {
        return user;
    }

    /** @return whether the gateway drop-down offers the named gateway (for tests) */
    public boolean offersGateway(String name) {
        return gateway.indexOf(name) > 0;
    }

    /** @return the calls table (for tests) */
    public TableViewer calls() {
        return calls;
    }

    /** @return the totals per user (for tests) */
    public TableViewer byUser() {
        return byUser;
    }

    /** @return the totals per day (for tests) */
    public TableViewer byDay() {
        return byDay;
    }

    /** @return the chart (for tests) */
    public CallsChart chart() {
        return chart;
    }

    /** @return the status line (for tests) */
    public String statusText() {
        return status.getText();
    }

    /** @return the message under the dates (for tests) */
    public String rangeErrorText() {
        return rangeError.getText();
    }

    /** @return whether a report is being loaded (for tests) */
    public boolean loading() {
        return loading;
    }
}
