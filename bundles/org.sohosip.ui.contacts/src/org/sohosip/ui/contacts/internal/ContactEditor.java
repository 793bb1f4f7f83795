// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.contacts.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.sohosip.client.core.ApiException;
import org.sohosip.client.core.ContactConflictException;
import org.sohosip.client.core.ContactService;
import org.sohosip.core.Contact;
import org.sohosip.core.ContactRules;
import org.sohosip.core.PhoneNumber;
import org.sohosip.core.PhoneType;
import org.sohosip.core.api.ContactData;

/**
 * Creates or edits a contact. Every field has its message right under it, checked with {@link ContactRules} as the
 * user types; the server's field errors land under the field they name. A save that meets a newer version on the
 * server is not forced: the dialog says so and the user decides by saving again.
 */
public final class ContactEditor extends Dialog {

    /** Number rows offered; more numbers stay as they are (edited elsewhere) is not needed: rules allow 20. */
    static final int NUMBER_ROWS = 6;

    private final @Nullable Contact existing;
    private final ContactService service;
    private final Map<String, Text> fields = new LinkedHashMap<>();
    private final Map<String, Label> errors = new LinkedHashMap<>();
    private final Map<String, Boolean> touched = new LinkedHashMap<>();
    private final List<Combo> types = new ArrayList<>();
    private final List<Text> numbers = new ArrayList<>();
    private Button favourite;
    private Label general;
    private long version;
    private @Nullable Contact saved;

    /**
     * @param existing the contact to edit, or {@code null} for a new one
     */
    @SuppressWarnings("null")
    public ContactEditor(@Nullable Shell parent, @Nullable Contact existing, ContactService service) {
        super(parent);
        this.existing = existing;
        this.service = service;
        this.version = existing == null ? 0 : existing.version();
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(existing == null ? Messages.Editor_newTitle : Messages.Editor_editTitle);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(3, false));
        Contact c = existing;
        field(area, "displayName", Messages.Editor_name, SWT.SINGLE, c == null ? "" : c.displayName());
        field(area, "company", Messages.Editor_company, SWT.SINGLE, c == null ? "" : c.company());
        field(area, "title", Messages.Editor_title, SWT.SINGLE, c == null ? "" : c.title());
        for (int i = 0; i < NUMBER_ROWS; i++) {
            Label l = new Label(area, SWT.NONE);
            l.setText(i == 0 ? Messages.Editor_numbers : "");
            Combo type = new Combo(area, SWT.READ_ONLY);
            for (PhoneType t : PhoneType.values()) {
                type.add(ContactFilter.typeLabel(new PhoneNumber(t, "", null)));
            }
            PhoneNumber n = c != null && i < c.numbers().size() ? c.numbers().get(i) : null;
            type.select(n == null ? PhoneType.MOBILE.ordinal() : n.type().ordinal());
            Text number = new Text(area, SWT.BORDER | SWT.SINGLE);
            number.setText(n == null ? "" : n.number());
            GridDataFactory.fillDefaults().grab(true, false).hint(220, SWT.DEFAULT).applyTo(number);
            types.add(type);
            numbers.add(number);
            error(area, "numbers[" + i + "]");
            String key = "numbers[" + i + "]";
            number.addModifyListener(e -> {
                touched.put(key, true);
                validate(false);
            });
        }
        field(area, "emails", Messages.Editor_emails, SWT.MULTI | SWT.V_SCROLL, c == null ? ""
                : String.join("\n", c.emails()));
        fields.get("emails").setMessage(Messages.Editor_emailsHint);
        field(area, "sipAddress", Messages.Editor_sip, SWT.SINGLE, c == null ? "" : c.sipAddress());
        field(area, "groups", Messages.Editor_groups, SWT.SINGLE, c == null ? "" : String.join(", ", c.groups()));
        fields.get("groups").setMessage(Messages.Editor_groupsHint);
        new Label(area, SWT.NONE);
        favourite = new Button(area, SWT.CHECK);
        favourite.setText(Messages.Editor_favourite);
        favourite.setSelection(c != null && c.favourite());
        GridDataFactory.fillDefaults().span(2, 1).applyTo(favourite);
        field(area, "notes", Messages.Editor_notes, SWT.MULTI | SWT.WRAP | SWT.V_SCROLL, c == null ? "" : c.notes());
        general = new Label(area, SWT.WRAP);
        general.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().span(3, 1).hint(420, SWT.DEFAULT).applyTo(general);
        return area;
    }

    private void field(Composite area, String name, String label, int style, String value) {
        new Label(area, SWT.NONE).setText(label);
        Text t = new Text(area, SWT.BORDER | style);
        t.setText(value);
        boolean multi = (style & SWT.MULTI) != 0;
        GridDataFactory.fillDefaults().grab(true, multi).span(2, 1).hint(320, multi ? 48 : SWT.DEFAULT).applyTo(t);
        fields.put(name, t);
        error(area, name);
        t.addModifyListener(e -> {
            touched.put(name, true);
            validate(false);
        });
    }

    private void error(Composite area, String name) {
        new Label(area, SWT.NONE);
        Label err = new Label(area, SWT.WRAP);
        err.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(320, SWT.DEFAULT).applyTo(err);
        errors.put(name, err);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.Editor_save, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    private boolean validate(boolean all) {
        Map<String, Optional<String>> found = new LinkedHashMap<>();
        found.put("displayName", ContactRules.checkDisplayName(text("displayName")));
        found.put("company", ContactRules.checkText(text("company")));
        found.put("title", ContactRules.checkText(text("title")));
        for (int i = 0; i < NUMBER_ROWS; i++) {
            String n = numbers.get(i).getText().strip();
            found.put("numbers[" + i + "]", n.isEmpty() ? Optional.empty() : ContactRules.checkNumber(n));
        }
        found.put("emails", lines("emails").stream().map(ContactRules::checkEmail).flatMap(Optional::stream)
                .findFirst());
        found.put("sipAddress", ContactRules.checkSipAddress(text("sipAddress")));
        found.put("groups", groups().stream().map(ContactRules::checkGroup).flatMap(Optional::stream).findFirst());
        found.put("notes", ContactRules.checkNotes(fields.get("notes").getText()));
        boolean ok = true;
        for (Map.Entry<String, Optional<String>> e : found.entrySet()) {
            boolean show = all || touched.getOrDefault(e.getKey(), false);
            setError(e.getKey(), show ? e.getValue().orElse("") : "");
            ok &= e.getValue().isEmpty();
        }
        return ok;
    }

    private void setError(String name, String message) {
        Label l = errors.get(name);
        if (l != null && !l.getText().equals(message)) {
            l.setText(message);
            l.getParent().layout(true, true);
        }
    }

    private String text(String name) {
        return fields.get(name).getText().strip();
    }

    private List<String> lines(String name) {
        return Arrays.stream(fields.get(name).getText().split("\\R")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    private List<String> groups() {
        return Arrays.stream(text("groups").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** @return the form as the API's body */
    ContactData data() {
        List<PhoneNumber> list = new ArrayList<>();
        for (int i = 0; i < NUMBER_ROWS; i++) {
            String n = numbers.get(i).getText().strip();
            if (!n.isEmpty()) {
                list.add(PhoneNumber.of(PhoneType.values()[types.get(i).getSelectionIndex()], n));
            }
        }
        return new ContactData(text("displayName"), text("company"), text("title"), list, lines("emails"),
                text("sipAddress"), fields.get("notes").getText().strip(), favourite.getSelection(), groups(),
                existing == null ? null : version);
    }

    @Override
    protected void okPressed() {
        if (!validate(true)) {
            return;
        }
        Button ok = getButton(IDialogConstants.OK_ID);
        ok.setEnabled(false);
        general.setText(Messages.Editor_saving);
        ContactData data = data();
        long id = existing == null ? 0 : existing.id();
        Background.run(ok, () -> service.save(id, data), c -> {
            saved = c;
            setReturnCode(OK);
            close();
        }, e -> {
            ok.setEnabled(true);
            general.setText("");
            if (e instanceof ContactConflictException conflict) {
                // The user sees what is stored now and saves again on purpose: nothing is overwritten silently.
                version = conflict.current().version();
                general.setText(NLS.bind(Messages.Contacts_changedElsewhere, conflict.current().displayName())
                        + "\n" + conflict.current().displayName() + " \u2014 " + ContactFilter.numbers(
                                conflict.current()));
            } else if (e instanceof ApiException api && !api.fieldErrors().isEmpty()) {
                api.fieldErrors().forEach((field, message) -> setError(errors.containsKey(field) ? field
                        : field.replaceAll("\\[\\d+\\]$", ""), message));
            } else {
                general.setText(e.getMessage());
            }
            general.getParent().layout(true, true);
        });
    }

    // ---- for tests ----

    /** @return a text field: displayName, company, title, emails, sipAddress, groups, notes */
    public Text field(String name) {
        return fields.get(name);
    }

    /** @return the number field of row {@code i} */
    public Text number(int i) {
        return numbers.get(i);
    }

    /** @return the type chooser of row {@code i} */
    public Combo type(int i) {
        return types.get(i);
    }

    /** @return the message under a field ({@code numbers[1]} for the second number) */
    public String errorText(String name) {
        Label l = errors.get(name);
        return l == null ? "" : l.getText();
    }

    /** @return the message under the form */
    public String generalText() {
        return general.getText();
    }

    /** @return the saved contact, once saved */
    public @Nullable Contact saved() {
        return saved;
    }
}
