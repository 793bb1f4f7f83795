// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.contacts.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Text;
import org.sohosip.client.core.ClickToCallService;
import org.sohosip.client.core.ContactService;
import org.sohosip.client.core.SyncConflict;
import org.sohosip.client.core.Telephony;
import org.sohosip.core.Contact;
import org.sohosip.core.PhoneNumber;

/**
 * The phonebook: a table filtered as you type, a group chooser (all, favourites, each group), the contact actions,
 * and a status line that tells about offline mode and conflicts. Double-click or Enter calls the contact; the context
 * menu calls any of its numbers.
 */
public final class ContactsPart {

    private final ContactService service;
    private @Nullable Telephony telephony;
    private @Nullable ClickToCallService deskPhone;
    private TableViewer viewer;
    private Text filter;
    private Combo group;
    private Label status;
    private Label notice;
    private Button review;
    private List<Contact> all = List.of();
    private final List<String> groupKeys = new ArrayList<>();
    private final Runnable onChange = () -> Background.ui(viewer.getControl(), this::reload);

    /** @param service the logged-in user's phonebook */
    @Inject
    @SuppressWarnings("null")
    public ContactsPart(ContactService service) {
        this.service = service;
    }

    /** @param phone the softphone when it runs; {@code null} when it does not */
    @Inject
    void telephony(@Optional @Nullable Telephony phone) {
        this.telephony = phone;
    }

    /** @param service click-to-call from the desk phone when the client offers it; {@code null} when not */
    @Inject
    void deskPhone(@Optional @Nullable ClickToCallService service) {
        this.deskPhone = service;
    }

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(8, false));
        filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER);
        filter.setMessage(Messages.Contacts_filter);
        GridDataFactory.fillDefaults().grab(true, false).span(6, 1).applyTo(filter);
        group = new Combo(parent, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().span(2, 1).hint(180, SWT.DEFAULT).applyTo(group);
        button(parent, Messages.Contacts_call, this::callSelected);
        button(parent, Messages.Contacts_new, () -> edit(null));
        button(parent, Messages.Contacts_edit, () -> edit(selected()));
        button(parent, Messages.Contacts_delete, this::deleteSelected);
        button(parent, Messages.Contacts_import, this::importFile);
        button(parent, Messages.Contacts_export, this::exportFile);
        button(parent, Messages.Contacts_refresh, this::refresh);
        button(parent, Messages.Contacts_deskCall, this::callSelectedFromDesk);

        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.VIRTUAL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setUseHashlookup(true);
        column(Messages.Column_favourite, 30, c -> c.favourite() ? "\u2605" : "");
        column(Messages.Column_name, 200, Contact::displayName);
        column(Messages.Column_company, 160, Contact::company);
        column(Messages.Column_numbers, 260, ContactFilter::numbers);
        column(Messages.Column_email, 200, c -> String.join(", ", c.emails()));
        column(Messages.Column_groups, 140, c -> String.join(", ", c.groups()));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addDoubleClickListener(e -> callSelected()); // JFace reports Enter (default selection) here too
        viewer.getTable().addListener(SWT.MenuDetect, e -> numberMenu());
        dragNumbers();
        GridDataFactory.fillDefaults().grab(true, true).span(8, 1).applyTo(viewer.getControl());

        notice = new Label(parent, SWT.WRAP);
        notice.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false).span(7, 1).applyTo(notice);
        review = button(parent, Messages.Contacts_resolve, this::reviewConflicts);
        status = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(8, 1).applyTo(status);

        filter.addModifyListener(e -> show());
        group.addListener(SWT.Selection, e -> show());
        service.addListener(onChange);
        reload();
        refresh();
    }

    @PreDestroy
    void dispose() {
        service.removeListener(onChange);
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    private void column(String title, int width, java.util.function.Function<Contact, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Contact) element);
            }
        });
    }

    @Focus
    void focus() {
        filter.setFocus();
    }

    /** Asks the service to reload from the server in the background; the table follows through the listener. */
    public void refresh() {
        Background.run(viewer.getControl(), () -> {
            service.refresh();
            return Boolean.TRUE;
        }, ok -> reload(), e -> {
            reload();
            if (!service.offline()) {
                status.setText(NLS.bind(Messages.Contacts_failed, e.getMessage()));
            }
        });
    }

    /** Takes the service's current phonebook into the table. */
    void reload() {
        all = service.contacts();
        String chosen = groupKeys.isEmpty() || group.getSelectionIndex() < 0 ? null
                : groupKeys.get(group.getSelectionIndex());
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        all.forEach(c -> names.addAll(c.groups()));
        groupKeys.clear();
        group.removeAll();
        groupKeys.add(null);
        group.add(Messages.Contacts_allGroups);
        groupKeys.add(ContactFilter.FAVOURITES);
        group.add(Messages.Contacts_favourites);
        for (String n : names) {
            groupKeys.add(n);
            group.add(n);
        }
        group.select(Math.max(0, groupKeys.indexOf(chosen)));
        show();
    }

    private void show() {
        String chosen = group.getSelectionIndex() < 0 ? null : groupKeys.get(group.getSelectionIndex());
        List<Contact> shown = ContactFilter.apply(all, filter.getText(), chosen, service.numberRules());
        viewer.setInput(shown);
        status.setText(NLS.bind(Messages.Contacts_count, shown.size(), all.size()));
        List<SyncConflict> conflicts = service.conflicts();
        if (!conflicts.isEmpty()) {
            notice.setText(NLS.bind(Messages.Contacts_conflicts, conflicts.size()));
        } else if (service.offline()) {
            notice.setText(NLS.bind(Messages.Contacts_offline, service.pendingChanges()));
        } else {
            notice.setText("");
        }
        review.setVisible(!conflicts.isEmpty());
        notice.getParent().layout(true, true);
    }

    private @Nullable Contact selected() {
        Object o = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return o instanceof Contact c ? c : null;
    }

    /** Calls the selected contact's first number (no fax), or its SIP address. */
    public void callSelected() {
        Contact c = selected();
        if (c == null) {
            return;
        }
        String target = ContactFilter.dialTarget(c);
        status.setText(target == null ? NLS.bind(Messages.Contacts_noNumber, c.displayName())
                : Dialer.dial(telephony, c.displayName(), target));
    }

    /** Rings the user's desk phone and then dials the selected contact's first number (no fax) or SIP address. */
    public void callSelectedFromDesk() {
        Contact c = selected();
        if (c == null) {
            return;
        }
        String target = ContactFilter.dialTarget(c);
        if (target == null) {
            status.setText(NLS.bind(Messages.Contacts_noNumber, c.displayName()));
        } else {
            DeskPhone.call(deskPhone, viewer.getControl(), c.displayName(), target, status::setText);
        }
    }

    /**
     * A contact dragged out of the table carries the number to dial as text, so dropping it on the softphone's
     * number field (or any text field) fills in that number.
     */
    private void dragNumbers() {
        org.eclipse.swt.dnd.DragSource source = new org.eclipse.swt.dnd.DragSource(viewer.getTable(),
                org.eclipse.swt.dnd.DND.DROP_COPY);
        source.setTransfer(org.eclipse.swt.dnd.TextTransfer.getInstance());
        source.addDragListener(new org.eclipse.swt.dnd.DragSourceAdapter() {
            @Override
            public void dragStart(org.eclipse.swt.dnd.DragSourceEvent event) {
                Contact c = selected();
                event.doit = c != null && ContactFilter.dialTarget(c) != null;
            }

            @Override
            public void dragSetData(org.eclipse.swt.dnd.DragSourceEvent event) {
                Contact c = selected();
                event.data = c == null ? "" : java.util.Objects.requireNonNullElse(ContactFilter.dialTarget(c), "");
            }
        });
    }

    private void numberMenu() {
        Contact c = selected();
        Menu old = viewer.getTable().getMenu();
        if (old != null) {
            old.dispose();
        }
        Menu menu = new Menu(viewer.getTable());
        if (c != null) {
            for (PhoneNumber n : c.numbers()) {
                MenuItem item = new MenuItem(menu, SWT.PUSH);
                item.setText(Messages.Contacts_call.replace("&", "") + " " + ContactFilter.typeLabel(n) + " "
                        + n.number());
                item.addListener(SWT.Selection, e -> status.setText(Dialer.dial(telephony, c.displayName(),
                        n.number())));
            }
            for (PhoneNumber n : c.numbers()) {
                MenuItem item = new MenuItem(menu, SWT.PUSH);
                item.setText(Messages.Contacts_deskCall.replace("&", "") + ": " + ContactFilter.typeLabel(n) + " "
                        + n.number());
                item.addListener(SWT.Selection, e -> DeskPhone.call(deskPhone, viewer.getControl(), c.displayName(),
                        n.number(), status::setText));
            }
        }
        viewer.getTable().setMenu(menu);
    }

    /** Opens the editor for a new contact ({@code null}) or the given one. */
    public void edit(@Nullable Contact contact) {
        ContactEditor editor = new ContactEditor(viewer.getControl().getShell(), contact, service);
        if (editor.open() == Window.OK) {
            reload();
        }
    }

    private void deleteSelected() {
        Contact c = selected();
        if (c == null || !MessageDialog.openQuestion(viewer.getControl().getShell(), Messages.Contacts_delete
                .replace("&", ""), NLS.bind(Messages.Contacts_deleteQuestion, c.displayName()))) {
            return;
        }
        Background.run(viewer.getControl(), () -> {
            service.delete(c);
            return Boolean.TRUE;
        }, ok -> reload(), e -> status.setText(e.getMessage()));
    }

    /** Opens the import wizard. */
    public WizardDialog importDialog() {
        return new WizardDialog(viewer.getControl().getShell(), new ImportWizard(service));
    }

    private void importFile() {
        if (importDialog().open() == Window.OK) {
            reload();
        }
    }

    private void exportFile() {
        FileDialog d = new FileDialog(viewer.getControl().getShell(), SWT.SAVE);
        d.setText(Messages.Export_title);
        d.setFilterExtensions(new String[] { "*.vcf", "*.vcf", "*.csv" });
        d.setFilterNames(new String[] { "vCard 3.0 (*.vcf)", "vCard 4.0 (*.vcf)", "CSV (*.csv)" });
        d.setFileName("contacts.vcf");
        d.setOverwrite(true);
        String file = d.open();
        if (file == null) {
            return;
        }
        String format = switch (d.getFilterIndex()) {
        case 1 -> "vcard4";
        case 2 -> "csv";
        default -> file.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? "csv" : "vcard3";
        };
        int count = all.size();
        Background.run(viewer.getControl(), () -> {
            service.export(Path.of(file), format);
            return Boolean.TRUE;
        }, ok -> status.setText(NLS.bind(Messages.Contacts_exported, count, file)), e -> status.setText(
                e.getMessage()));
    }

    private void reviewConflicts() {
        for (SyncConflict conflict : service.conflicts()) {
            String name = conflict.mine() != null && conflict.mine().displayName() != null
                    ? conflict.mine().displayName() : conflict.theirs() != null ? conflict.theirs().displayName() : "";
            MessageDialog d = new MessageDialog(viewer.getControl().getShell(), Messages.Conflict_title, null,
                    NLS.bind(conflict.theirs() == null ? Messages.Conflict_deletedText : Messages.Conflict_text, name),
                    MessageDialog.QUESTION, 0, Messages.Conflict_keepMine, Messages.Conflict_takeTheirs,
                    org.eclipse.jface.dialogs.IDialogConstants.CANCEL_LABEL);
            int answer = d.open();
            if (answer == 0 || answer == 1) {
                Background.run(viewer.getControl(), () -> {
                    service.resolve(conflict, answer == 0);
                    return Boolean.TRUE;
                }, ok -> reload(), e -> status.setText(e.getMessage()));
            }
        }
    }

    // ---- for tests ----

    /** @return the table */
    public TableViewer viewer() {
        return viewer;
    }

    /** @return the search field */
    public Text filter() {
        return filter;
    }

    /** @return the group chooser */
    public Combo group() {
        return group;
    }

    /** @return the status line */
    public String statusText() {
        return status.getText();
    }

    /** @return the offline or conflict notice */
    public String noticeText() {
        return notice.getText();
    }
}
