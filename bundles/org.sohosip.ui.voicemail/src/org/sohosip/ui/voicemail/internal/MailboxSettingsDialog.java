// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.voicemail.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

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
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.sohosip.client.core.ApiException;
import org.sohosip.core.MailboxRules;
import org.sohosip.core.api.MailboxSettings;
import org.sohosip.core.api.MailboxSettingsChange;
import org.sohosip.ui.app.util.Background;

/**
 * The mailbox's settings: language of the prompts, how long a call rings before voicemail answers, the phone menu's
 * PIN, and where new messages are announced (SMS, e-mail). Saving happens in the background; the server's field
 * messages land under the field they name and the dialog stays open.
 */
public final class MailboxSettingsDialog extends Dialog {

    private final MailboxSettings current;
    private final Function<MailboxSettingsChange, MailboxSettings> save;
    private final Map<String, Label> errors = new LinkedHashMap<>();
    private Combo language;
    private Spinner ringSeconds;
    private Text pin;
    private Button sms;
    private Text smsNumber;
    private Button email;
    private Text emailAddress;
    private Label general;
    private @Nullable MailboxSettings saved;

    /**
     * @param parent  parent shell
     * @param current the settings as the server has them
     * @param save    sends a change to the server (runs off the UI thread)
     */
    @SuppressWarnings("null")
    MailboxSettingsDialog(@Nullable Shell parent, MailboxSettings current,
            Function<MailboxSettingsChange, MailboxSettings> save) {
        super(parent);
        this.current = current;
        this.save = save;
        setBlockOnOpen(false);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Settings_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        language = new Combo(row(area, Messages.Settings_language), SWT.READ_ONLY);
        language.setItems(Messages.Settings_english, Messages.Settings_chinese);
        language.select(Math.max(0, MailboxRules.LANGUAGES.indexOf(current.language())));
        error(area, "language");
        ringSeconds = new Spinner(row(area, Messages.Settings_ring), SWT.BORDER);
        ringSeconds.setValues(current.noAnswerSeconds(), MailboxRules.MIN_NO_ANSWER_SECONDS,
                MailboxRules.MAX_NO_ANSWER_SECONDS, 0, 1, 5);
        error(area, "noAnswerSeconds");
        pin = new Text(row(area, Messages.Settings_pin), SWT.BORDER | SWT.PASSWORD);
        pin.setMessage(current.pinSet() ? Messages.Settings_pinKept : Messages.Settings_pinNone);
        error(area, "pin");
        sms = check(area, Messages.Settings_sms, current.smsEnabled());
        smsNumber = new Text(row(area, Messages.Settings_smsNumber), SWT.BORDER);
        smsNumber.setText(current.smsNumber() == null ? "" : current.smsNumber());
        error(area, "smsNumber");
        email = check(area, Messages.Settings_email, current.emailEnabled());
        emailAddress = new Text(row(area, Messages.Settings_emailAddress), SWT.BORDER);
        emailAddress.setText(current.emailAddress() == null ? "" : current.emailAddress());
        error(area, "emailAddress");
        general = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().span(2, 1).hint(420, SWT.DEFAULT).applyTo(general);
        for (Control c : new Control[] { language, ringSeconds, pin, smsNumber, emailAddress }) {
            GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(c);
        }
        return area;
    }

    private static Composite row(Composite area, String label) {
        new Label(area, SWT.NONE).setText(label);
        return area;
    }

    private static Button check(Composite area, String text, boolean on) {
        new Label(area, SWT.NONE);
        Button b = new Button(area, SWT.CHECK);
        b.setText(text);
        b.setSelection(on);
        return b;
    }

    private void error(Composite area, String field) {
        new Label(area, SWT.NONE);
        Label l = new Label(area, SWT.WRAP);
        l.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(l);
        errors.put(field, l);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.Settings_save, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    /** @return the change the form describes: every field, the PIN only when one was typed */
    MailboxSettingsChange change() {
        String p = pin.getText();
        return new MailboxSettingsChange(MailboxRules.LANGUAGES.get(Math.max(0, language.getSelectionIndex())),
                ringSeconds.getSelection(), p.isEmpty() ? null : p, sms.getSelection(), smsNumber.getText().strip(),
                email.getSelection(), emailAddress.getText().strip());
    }

    @Override
    protected void okPressed() {
        MailboxSettingsChange c = change();
        errors.values().forEach(l -> l.setText(""));
        general.setText(Messages.Settings_saving);
        getButton(IDialogConstants.OK_ID).setEnabled(false);
        Background.run(getShell(), "SOHOSIP voicemail settings", () -> save.apply(c), s -> {
            saved = s;
            super.okPressed();
        }, e -> {
            getButton(IDialogConstants.OK_ID).setEnabled(true);
            general.setText(e.getMessage() == null ? "" : e.getMessage());
            if (e instanceof ApiException a) {
                a.fieldErrors().forEach((field, message) -> {
                    Label l = errors.get(field);
                    if (l != null) {
                        l.setText(message);
                    }
                });
            }
            getShell().layout(true, true);
            getShell().pack();
        });
    }

    /** @return the settings the server answered after saving, or {@code null} while not saved */
    public @Nullable MailboxSettings saved() {
        return saved;
    }

    /**
     * @param field a field name of the API ({@code emailAddress}, {@code pin}...)
     * @return the message under that field (for tests)
     */
    public String errorFor(String field) {
        Label l = errors.get(field);
        return l == null ? "" : l.getText();
    }

    /** @return the e-mail address field (for tests) */
    public Text emailAddressField() {
        return emailAddress;
    }

    /** @return the e-mail check box (for tests) */
    public Button emailCheck() {
        return email;
    }

    /** @return the language list (for tests) */
    public Combo languageField() {
        return language;
    }

    /** Saves, as the Save button does (for tests). */
    public void pressSave() {
        getButton(IDialogConstants.OK_ID).notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    /** @return the PIN field (for tests) */
    public Text pinField() {
        return pin;
    }
}
