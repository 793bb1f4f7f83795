// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.sohosip.client.core.ApiException;
import org.sohosip.core.Account;
import org.sohosip.core.AccountRules;
import org.sohosip.core.api.AccountChanges;
import org.sohosip.core.api.NewAccount;
import org.sohosip.ui.app.util.Background;

/**
 * Creates or edits an account. Each field has its message right under it, computed with {@link AccountRules} as
 * the user types, and the server's field errors (400, 409) land under the field they name. Keyboard order: user
 * name, display name, extension, password, aliases, administrator, Create (default button).
 */
public final class AccountDialog extends Dialog {

    /** Sends the form to the server; runs off the UI thread. */
    public interface Submitter {
        /**
         * @param created the new account (create mode), or {@code null}
         * @param changes the changes (edit mode), or {@code null}
         * @return the saved account
         */
        Account submit(@Nullable NewAccount created, @Nullable AccountChanges changes);
    }

    private final @Nullable Account existing;
    private final Submitter submitter;
    private final Map<String, Text> fields = new LinkedHashMap<>();
    private final Map<String, Label> errors = new LinkedHashMap<>();
    private final Map<String, Boolean> touched = new LinkedHashMap<>();
    private Button admin;
    private Button pstn;
    private Label general;
    private @Nullable Account saved;

    /**
     * @param parent    parent shell
     * @param existing  the account to edit, or {@code null} to create one
     * @param submitter sends the result to the server
     */
    @SuppressWarnings("null")
    public AccountDialog(@Nullable Shell parent, @Nullable Account existing, Submitter submitter) {
        super(parent);
        this.existing = existing;
        this.submitter = submitter;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(existing == null ? Messages.AccountDialog_newTitle : Messages.AccountDialog_editTitle);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        Account a = existing;
        field(area, "username", Messages.AccountDialog_username, SWT.NONE, a == null ? "" : a.username());
        field(area, "displayName", Messages.AccountDialog_displayName, SWT.NONE, a == null ? "" : a.displayName());
        field(area, "extension", Messages.AccountDialog_extension, SWT.NONE, a == null ? "" : a.extension());
        if (a == null) {
            field(area, "password", Messages.AccountDialog_password, SWT.PASSWORD, "");
        } else {
            fields.get("username").setEnabled(false); // the SIP digest values are derived from it
        }
        field(area, "aliases", Messages.AccountDialog_aliases, SWT.NONE,
                a == null ? "" : String.join(", ", a.aliases()));
        fields.get("aliases").setMessage(Messages.AccountDialog_aliasesHint);
        new Label(area, SWT.NONE);
        admin = new Button(area, SWT.CHECK);
        admin.setText(Messages.AccountDialog_admin);
        admin.setSelection(a != null && a.admin());
        // telephony: outside calls through the PSTN gateway, the groups route rules and ring groups name
        new Label(area, SWT.NONE);
        pstn = new Button(area, SWT.CHECK);
        pstn.setText(Messages.AccountDialog_pstn);
        pstn.setSelection(a != null && a.pstnAllowed());
        field(area, "groups", Messages.AccountDialog_groups, SWT.NONE, a == null ? "" : String.join(", ", a.groups()));
        fields.get("groups").setMessage(Messages.AccountDialog_groupsHint);
        field(area, "outsideCallLimit", Messages.AccountDialog_limit, SWT.NONE,
                String.valueOf(a == null ? Account.DEFAULT_OUTSIDE_CALL_LIMIT : a.outsideCallLimit()));
        general = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().span(2, 1).hint(400, SWT.DEFAULT).applyTo(general);
        return area;
    }

    private void field(Composite area, String name, String label, int style, String value) {
        new Label(area, SWT.NONE).setText(label);
        Text t = new Text(area, SWT.BORDER | SWT.SINGLE | style);
        t.setText(value);
        GridDataFactory.fillDefaults().grab(true, false).hint(280, SWT.DEFAULT).applyTo(t);
        new Label(area, SWT.NONE);
        Label err = new Label(area, SWT.WRAP);
        err.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false).hint(280, SWT.DEFAULT).applyTo(err);
        fields.put(name, t);
        errors.put(name, err);
        t.addModifyListener(e -> {
            touched.put(name, true);
            validate(false);
        });
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID,
                existing == null ? Messages.AccountDialog_create : Messages.AccountDialog_save, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    /** Checks every field; messages appear under touched fields, or under all when {@code all}. */
    private boolean validate(boolean all) {
        Map<String, Optional<String>> found = new LinkedHashMap<>();
        found.put("username", AccountRules.checkUsername(text("username")));
        found.put("displayName", AccountRules.checkDisplayName(text("displayName")));
        found.put("extension", AccountRules.checkExtension(text("extension")));
        if (fields.containsKey("password")) {
            found.put("password", AccountRules.checkPassword(fields.get("password").getText()));
        }
        found.put("aliases", aliases().stream().map(AccountRules::checkAlias).flatMap(Optional::stream).findFirst());
        found.put("groups", groups().stream().map(AccountRules::checkGroup).flatMap(Optional::stream).findFirst());
        found.put("outsideCallLimit", AccountRules.checkOutsideCallLimit(limit()));
        boolean ok = true;
        for (Map.Entry<String, Optional<String>> e : found.entrySet()) {
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

    private String text(String field) {
        return fields.get(field).getText().strip();
    }

    private List<String> aliases() {
        return Arrays.stream(text("aliases").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private List<String> groups() {
        return Arrays.stream(text("groups").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** @return the outside-call limit typed, or 0 (refused by the rule) when it is not a number */
    private int limit() {
        try {
            return Integer.parseInt(text("outsideCallLimit"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    protected void okPressed() {
        if (!validate(true)) {
            fields.entrySet().stream().filter(e -> !errors.get(e.getKey()).getText().isEmpty()).findFirst()
                    .ifPresent(e -> e.getValue().setFocus());
            return;
        }
        NewAccount created = existing == null ? new NewAccount(text("username"), fields.get("password").getText(),
                text("extension"), text("displayName"), aliases(), admin.getSelection(), pstn.getSelection(), groups(),
                limit()) : null;
        AccountChanges changes = existing == null ? null
                : new AccountChanges(text("displayName"), text("extension"), aliases(), admin.getSelection(), null,
                        pstn.getSelection(), groups(), limit());
        general.setText(Messages.AccountDialog_saving);
        getButton(IDialogConstants.OK_ID).setEnabled(false);
        Background.run(getShell(), AccountsPart.WORKER_THREAD, () -> submitter.submit(created, changes), a -> {
            saved = a;
            setReturnCode(OK);
            close();
        }, this::rejected);
    }

    /** @param e the server's refusal: field messages go under their fields, anything else at the bottom */
    void rejected(RuntimeException e) {
        getButton(IDialogConstants.OK_ID).setEnabled(true);
        general.setText("");
        boolean placed = false;
        if (e instanceof ApiException api) {
            for (Map.Entry<String, String> f : api.fieldErrors().entrySet()) {
                if (errors.containsKey(f.getKey())) {
                    setError(f.getKey(), f.getValue());
                    if (!placed) {
                        fields.get(f.getKey()).setFocus();
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

    /** @return the saved account after OK */
    public @Nullable Account saved() {
        return saved;
    }

    /** @return the message under a field (for tests) */
    public String errorText(String field) {
        return errors.get(field).getText();
    }

    /** @return the PSTN permission check box (for tests) */
    public Button pstn() {
        return pstn;
    }

    /** @return a field (for tests) */
    public Text field(String name) {
        return fields.get(name);
    }
}
