// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.history.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.sohosip.client.core.CallHistoryService;
import org.sohosip.client.core.CallListener;
import org.sohosip.client.core.CallState;
import org.sohosip.client.core.ContactService;
import org.sohosip.client.core.Telephony;
import org.sohosip.core.api.CallHistoryEntry;
import org.sohosip.ui.app.util.Background;
import org.sohosip.ui.app.util.Columns;
import org.sohosip.ui.history.HistoryTopics;

/**
 * The user's calls as the server keeps them: a Show list (all, missed, incoming, outgoing), an optional date range,
 * Refresh and Export; the table loads in the background with a progress bar. Double-clicking a call calls back.
 */
public final class HistoryPart {

    /** How many calls one load brings at most. */
    static final int LIMIT = 500;

    /** Pause between a request to reload (e.g. a call ended) and the load. */
    static final int REFRESH_DELAY_MILLIS = 1000;

    private static final String WORKER_THREAD = "SOHOSIP call history";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM);

    private final ZoneId zone = ZoneId.systemDefault();
    private @Nullable CallHistoryService history;
    private @Nullable Telephony telephony;
    private @Nullable IEventBroker broker;
    private @Nullable ContactService contacts;
    /** The phonebook tells on any thread; the table repaints on the UI thread. */
    private final Runnable phonebookChanged = () -> {
        TableViewer v = this.viewer;
        if (v != null && !v.getControl().isDisposed()) {
            v.getControl().getDisplay().asyncExec(() -> {
                if (!v.getControl().isDisposed()) {
                    v.refresh(true);
                }
            });
        }
    };
    private final CallListener callEnded = call -> {
        IEventBroker b = broker;
        if (call.state() == CallState.ENDED && b != null) {
            b.post(HistoryTopics.REFRESH, call.id());
        }
    };

    private Combo show;
    private Button fromOn;
    private DateTime from;
    private Button toOn;
    private DateTime to;
    private ProgressBar progress;
    private TableViewer viewer;
    private Label status;
    private List<CallHistoryEntry> entries = List.of();
    private int generation;
    private final Runnable delayedRefresh = () -> {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            refresh();
        }
    };
    private @Nullable HistoryFilter requested;

    @PostConstruct
    void create(Composite parent, @Optional @Nullable IEventBroker events) {
        broker = events;
        GridLayoutFactory.swtDefaults().numColumns(9).applyTo(parent);
        new Label(parent, SWT.NONE).setText(Messages.History_show);
        show = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        show.setItems(Messages.History_all, Messages.History_missed, Messages.History_incoming,
                Messages.History_outgoing);
        show.select(0);
        show.addListener(SWT.Selection, e -> refresh());
        fromOn = check(parent, Messages.History_from);
        from = date(parent, fromOn, LocalDate.now(zone).minusDays(7));
        toOn = check(parent, Messages.History_to);
        to = date(parent, toOn, LocalDate.now(zone));
        button(parent, Messages.History_refresh, this::refresh);
        button(parent, Messages.History_export, this::exportWithDialog);
        progress = new ProgressBar(parent, SWT.INDETERMINATE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(progress);

        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        column(Messages.Column_direction, 100, e -> Labels.direction(e.direction()));
        column(Messages.Column_party, 120, CallHistoryEntry::otherParty);
        column(Messages.Column_name, 170, this::name);
        column(Messages.Column_time, 180, e -> TIME.format(e.start().atZone(zone)));
        column(Messages.Column_duration, 90, e -> Labels.duration(Duration.ofSeconds(e.durationSeconds())));
        column(Messages.Column_result, 100, e -> Labels.disposition(e.disposition()));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addDoubleClickListener(e -> callBack());
        GridDataFactory.fillDefaults().grab(true, true).span(9, 1).applyTo(viewer.getControl());
        status = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(9, 1).applyTo(status);
        refresh();
    }

    private static Button check(Composite parent, String text) {
        Button b = new Button(parent, SWT.CHECK);
        b.setText(text);
        return b;
    }

    private DateTime date(Composite parent, Button on, LocalDate initial) {
        DateTime d = new DateTime(parent, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        d.setDate(initial.getYear(), initial.getMonthValue() - 1, initial.getDayOfMonth());
        d.setEnabled(false);
        on.addListener(SWT.Selection, e -> {
            d.setEnabled(on.getSelection());
            refresh();
        });
        // GTK's drop-down date sends Selection on its own (e.g. when first shown): load only for a new range
        d.addListener(SWT.Selection, e -> {
            if (on.getSelection() && !filter().equals(requested)) {
                refresh();
            }
        });
        return d;
    }

    private static void button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
    }

    private void column(String title, int width, Function<CallHistoryEntry, String> text) {
        Columns.add(viewer, title, width, text);
    }

    @Inject
    void services(@Optional @Nullable CallHistoryService h, @Optional @Nullable Telephony t) {
        boolean again = h != history && viewer != null && !viewer.getControl().isDisposed();
        history = h;
        Telephony old = telephony;
        if (old != t) {
            if (old != null) {
                old.removeListener(callEnded);
            }
            if (t != null) {
                t.addListener(callEnded);
            }
            telephony = t;
        }
        if (again) {
            refresh();
        }
    }

    /**
     * The phonebook's name for the other party wins over the display name the call carried (anybody can send any
     * display name; the phonebook is the user's own); the sent name shows only for numbers it does not know.
     */
    private String name(CallHistoryEntry e) {
        ContactService c = contacts;
        String known = c == null ? "" : c.nameForNumber(e.otherParty()).orElse("");
        if (!known.isBlank()) {
            return known;
        }
        String sent = e.otherDisplayName();
        return sent == null ? "" : sent;
    }

    @Inject
    void phonebook(@Optional @Nullable ContactService c) {
        ContactService old = contacts;
        if (old == c) {
            return;
        }
        if (old != null) {
            old.removeListener(phonebookChanged);
        }
        if (c != null) {
            c.addListener(phonebookChanged);
        }
        contacts = c;
        phonebookChanged.run();
    }

    @Inject
    @Optional
    void refreshRequested(@UIEventTopic(HistoryTopics.REFRESH) Object any) {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            // give the server a moment to write the record of a call that just ended; requests coming close
            // together share one load (the same runnable is rescheduled)
            viewer.getControl().getDisplay().timerExec(REFRESH_DELAY_MILLIS, delayedRefresh);
        }
    }

    /** @return the filter as the controls show it */
    public HistoryFilter filter() {
        HistoryFilter.Kind kind = HistoryFilter.Kind.values()[Math.max(0, show.getSelectionIndex())];
        return new HistoryFilter(kind, fromOn.getSelection() ? day(from) : null, toOn.getSelection() ? day(to) : null);
    }

    private static LocalDate day(DateTime d) {
        return LocalDate.of(d.getYear(), d.getMonth() + 1, d.getDay());
    }

    /** Loads the calls for the current filter in the background; a newer load wins over an older one. */
    public void refresh() {
        HistoryFilter f = filter();
        requested = f;
        int mine = ++generation;
        if (!f.isValid()) {
            status.setText(Messages.History_badRange);
            return;
        }
        CallHistoryService h = history;
        if (h == null) {
            status.setText(NLS.bind(Messages.History_failed, Messages.History_noService));
            return;
        }
        progress.setVisible(true);
        status.setText(Messages.History_loading);
        Background.run(viewer.getControl(), WORKER_THREAD, () -> h.calls(f.direction(), f.disposition(),
                f.fromInstant(zone), f.toInstant(zone), LIMIT), list -> {
                    if (mine == generation) {
                        entries = list;
                        viewer.setInput(list);
                        progress.setVisible(false);
                        status.setText(NLS.bind(Messages.History_count, list.size()));
                    }
                }, e -> {
                    if (mine == generation) {
                        progress.setVisible(false);
                        status.setText(NLS.bind(Messages.History_failed, e.getMessage()));
                    }
                });
    }

    /** Calls back the selected call's other party through the softphone. */
    public void callBack() {
        Object o = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        Telephony t = telephony;
        if (!(o instanceof CallHistoryEntry e)) {
            return;
        }
        if (t == null) {
            status.setText(Messages.History_noPhone);
            return;
        }
        String target = e.otherParty();
        status.setText(NLS.bind(Messages.History_calling, target));
        Background.run(viewer.getControl(), WORKER_THREAD, () -> t.dial(target), call -> { },
                x -> status.setText(NLS.bind(Messages.History_dialFailed, target, x.getMessage())));
    }

    private void exportWithDialog() {
        FileDialog d = new FileDialog(viewer.getControl().getShell(), SWT.SAVE);
        d.setText(Messages.History_exportTitle);
        d.setFilterExtensions(new String[] { "*.csv", "*" });
        d.setFileName("call-history-" + LocalDate.now(zone) + ".csv");
        d.setOverwrite(true);
        String file = d.open();
        if (file != null) {
            export(Path.of(file));
        }
    }

    /**
     * Writes the calls shown now to a CSV file and says so in the status line.
     *
     * @param file where to write
     */
    public void export(Path file) {
        List<CallHistoryEntry> shown = entries;
        try {
            CsvExport.write(file, shown, this::name);
            status.setText(NLS.bind(Messages.History_exported, shown.size(), file));
        } catch (IOException | RuntimeException e) {
            status.setText(NLS.bind(Messages.History_exportFailed, file, e.getMessage()));
        }
    }

    @Focus
    void focus() {
        viewer.getControl().setFocus();
    }

    @PreDestroy
    void dispose() {
        Telephony t = telephony;
        if (t != null) {
            t.removeListener(callEnded);
        }
        telephony = null;
        ContactService c = contacts;
        if (c != null) {
            c.removeListener(phonebookChanged);
        }
        contacts = null;
    }

    /** @return the table viewer (for tests) */
    public TableViewer viewer() {
        return viewer;
    }

    /** @return the Show list (for tests) */
    public Combo show() {
        return show;
    }

    /** @return the From check box and date (for tests) */
    public Button fromEnabled() {
        return fromOn;
    }

    /** @return the From date (for tests) */
    public DateTime fromDate() {
        return from;
    }

    /** @return the To check box (for tests) */
    public Button toEnabled() {
        return toOn;
    }

    /** @return the To date (for tests) */
    public DateTime toDate() {
        return to;
    }

    /** @return the status text (for tests) */
    public String statusText() {
        return status.getText();
    }

    /** @return whether a load is under way (for tests) */
    public boolean isLoading() {
        return progress.isVisible();
    }
}
