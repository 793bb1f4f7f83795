// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
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
import org.sohosip.ui.app.util.Background;

/**
 * A form dialog in the accounts dialog's manner for the gateway pages: every field has its message right under it,
 * checked as the user types (shown once the field was touched, or for all fields on OK), the request goes to the
 * server off the UI thread, and the server's field errors (400, 409) land under the field they name; any other
 * refusal shows at the bottom. Subclasses add fields in {@link #createFields} and say what the fields mean.
 *
 * @param <T> what the server answers with when the form is saved
 */
abstract class FormDialog<T> extends Dialog {

    private final String title;
    private final boolean create;
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private final Map<String, Label> errors = new LinkedHashMap<>();
    private final Map<String, Boolean> touched = new LinkedHashMap<>();
    private Label general;
    private @Nullable T saved;
    private volatile boolean busy;

    /**
     * @param parent parent shell
     * @param title  the window title
     * @param create whether the form creates something (the OK button says Create) or changes it (Save)
     */
    @SuppressWarnings("null")
    FormDialog(@Nullable Shell parent, String title, boolean create) {
        super(parent);
        this.title = title;
        this.create = create;
    }

    /** Adds the fields with {@link #text}, {@link #combo} and {@link #check}. */
    protected abstract void createFields(Composite area);

    /** @return field name to the message for its current value (empty when fine), in field order */
    protected abstract Map<String, Optional<String>> check();

    /** @return the request built from the fields (on the UI thread); it is run off the UI thread */
    protected abstract Supplier<T> request();

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        createFields(area);
        general = new Label(area, SWT.WRAP);
        general.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().span(2, 1).hint(500, SWT.DEFAULT).applyTo(general);
        return area;
    }

    /** Adds a labelled text field with its message line. */
    protected Text text(Composite area, String name, String label, int style, String value) {
        new Label(area, SWT.NONE).setText(label);
        Text t = new Text(area, SWT.BORDER | SWT.SINGLE | style);
        t.setText(value);
        GridDataFactory.fillDefaults().grab(true, false).hint(380, SWT.DEFAULT).applyTo(t);
        register(area, name, t);
        t.addModifyListener(e -> changed(name));
        return t;
    }

    /** Adds a labelled read-only drop-down with its message line. */
    protected Combo combo(Composite area, String name, String label, String[] items, int selected) {
        new Label(area, SWT.NONE).setText(label);
        Combo c = new Combo(area, SWT.READ_ONLY);
        c.setItems(items);
        if (selected >= 0 && selected < items.length) {
            c.select(selected);
        }
        GridDataFactory.fillDefaults().grab(true, false).hint(380, SWT.DEFAULT).applyTo(c);
        register(area, name, c);
        c.addListener(SWT.Selection, e -> changed(name));
        return c;
    }

    /** Adds a check box in the field column, without a message line. */
    protected Button check(Composite area, String label, boolean value) {
        new Label(area, SWT.NONE);
        Button b = new Button(area, SWT.CHECK);
        b.setText(label);
        b.setSelection(value);
        return b;
    }

    private void register(Composite area, String name, Control c) {
        new Label(area, SWT.NONE);
        Label err = new Label(area, SWT.WRAP);
        err.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false).hint(380, SWT.DEFAULT).applyTo(err);
        fields.put(name, c);
        errors.put(name, err);
    }

    private void changed(String name) {
        touched.put(name, true);
        validate(false);
    }

    /** Checks every field; messages appear under touched fields, or under all when {@code all}. */
    private boolean validate(boolean all) {
        boolean ok = true;
        for (Map.Entry<String, Optional<String>> e : check().entrySet()) {
            boolean show = all || touched.getOrDefault(e.getKey(), false);
            setError(e.getKey(), show ? e.getValue().orElse("") : "");
            ok &= e.getValue().isEmpty();
        }
        return ok;
    }

    private void setError(String field, String text) {
        Label l = errors.get(field);
        if (l != null && !l.getText().equals(text)) {
            l.setText(text);
            getShell().layout(true, true);
            getShell().pack();
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, create ? Messages.AccountDialog_create
                : Messages.AccountDialog_save, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void okPressed() {
        if (!validate(true)) {
            fields.entrySet().stream().filter(e -> !errors.get(e.getKey()).getText().isEmpty()).findFirst()
                    .ifPresent(e -> e.getValue().setFocus());
            return;
        }
        Supplier<T> work = request();
        general.setText(Messages.AccountDialog_saving);
        getButton(IDialogConstants.OK_ID).setEnabled(false);
        busy = true;
        Background.run(getShell(), AccountsPart.WORKER_THREAD, work, answer -> {
            busy = false;
            saved = answer;
            setReturnCode(OK);
            close();
        }, this::rejected);
    }

    /**
     * @param serverField a field name in the server's error answer
     * @return the form field its message belongs under (the same name unless a form says otherwise)
     */
    protected String fieldFor(String serverField) {
        return serverField;
    }

    /** @param e the server's refusal: field messages go under their fields, anything else at the bottom */
    private void rejected(RuntimeException e) {
        busy = false;
        getButton(IDialogConstants.OK_ID).setEnabled(true);
        general.setText("");
        boolean placed = false;
        if (e instanceof ApiException api) {
            for (Map.Entry<String, String> f : api.fieldErrors().entrySet()) {
                String name = fieldFor(f.getKey());
                if (errors.containsKey(name)) {
                    setError(name, f.getValue());
                    if (!placed) {
                        fields.get(name).setFocus();
                    }
                    placed = true;
                }
            }
        }
        if (!placed) {
            general.setText(String.valueOf(e.getMessage()));
        }
        getShell().layout(true, true);
        getShell().pack();
    }

    /** @return the server's answer after OK, or {@code null} */
    public @Nullable T saved() {
        return saved;
    }

    /** @return whether the form is being sent to the server */
    public boolean busy() {
        return busy;
    }

    /** @return the message under a field (for tests) */
    public String errorText(String field) {
        return errors.get(field).getText();
    }

    /** @return the message at the bottom (for tests) */
    public String generalText() {
        return general.getText();
    }

    /** @return a field's control (for tests) */
    public Control control(String name) {
        return fields.get(name);
    }

    /** @return a text field (for tests) */
    public Text field(String name) {
        return (Text) fields.get(name);
    }
}
