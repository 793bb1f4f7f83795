// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.app.internal;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.sohosip.client.core.ApiClient;
import org.sohosip.client.core.CertificateTrustPrompt;
import org.sohosip.client.core.ContactService;
import org.sohosip.client.core.ServerUnreachableException;
import org.sohosip.client.core.SessionService;
import org.sohosip.core.Account;

/**
 * The login dialog shown before the main window. Keyboard order: server, user name, password, Remember me,
 * Connect (default button: Enter anywhere connects). Connecting runs on a background thread; Cancel while
 * connecting stops the attempt and keeps the dialog open.
 */
public final class LoginDialog extends Dialog {

    /** Button id of Open phonebook offline. */
    static final int OFFLINE_ID = IDialogConstants.CLIENT_ID + 1;

    private final SessionService session;
    private final CredentialStore credentials;
    private final String initialServer;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "SOHOSIP login");
        t.setDaemon(true);
        return t;
    });

    private Text server;
    private Text username;
    private Text password;
    private Button remember;
    private Label message;
    private ProgressBar progress;
    private @Nullable Future<?> attempt;
    private @Nullable AtomicBoolean current;
    private @Nullable Account account;
    private @Nullable String rememberWarning;
    private final @Nullable ContactService phonebook;
    private boolean offline;
    /** The user whose saved phonebook was opened, while Open phonebook offline is offered. */
    private @Nullable String offeredUser;

    /**
     * @param parent        parent shell or {@code null}
     * @param session       the session to log in
     * @param credentials   remembered server, user name and password
     * @param initialServer server address to show first
     */
    public LoginDialog(@Nullable Shell parent, SessionService session, CredentialStore credentials,
            String initialServer) {
        this(parent, session, credentials, initialServer, null);
    }

    /**
     * @param parent        parent shell or {@code null}
     * @param session       the session to log in
     * @param credentials   remembered server, user name and password
     * @param initialServer server address to show first
     * @param phonebook     offers its saved copy when the server cannot be reached, or {@code null}
     */
    @SuppressWarnings("null")
    public LoginDialog(@Nullable Shell parent, SessionService session, CredentialStore credentials,
            String initialServer, @Nullable ContactService phonebook) {
        super(parent);
        this.session = session;
        this.credentials = credentials;
        this.initialServer = initialServer;
        this.phonebook = phonebook;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.LoginDialog_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        server = field(area, Messages.LoginDialog_server, SWT.NONE);
        server.setMessage(Messages.LoginDialog_serverHint);
        server.setText(initialServer);
        username = field(area, Messages.LoginDialog_username, SWT.NONE);
        password = field(area, Messages.LoginDialog_password, SWT.PASSWORD);
        remember = new Button(area, SWT.CHECK);
        remember.setText(Messages.LoginDialog_remember);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(remember);
        progress = new ProgressBar(area, SWT.INDETERMINATE);
        GridDataFactory.fillDefaults().span(2, 1).exclude(true).applyTo(progress);
        progress.setVisible(false);
        message = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().span(2, 1).hint(420, SWT.DEFAULT).applyTo(message);

        CredentialStore.Remembered saved = credentials.load();
        if (saved.username() != null && saved.password() != null) {
            username.setText(saved.username());
            password.setText(new String(saved.password()));
            remember.setSelection(true);
        }
        Optional<String> problem = credentials.problem();
        if (problem.isPresent()) {
            remember.setEnabled(false);
            showMessage(NLS.bind(Messages.LoginDialog_rememberUnavailable, problem.get()));
        }
        server.selectAll();
        return area;
    }

    private static Text field(Composite area, String label, int style) {
        new Label(area, SWT.NONE).setText(label);
        Text t = new Text(area, SWT.BORDER | SWT.SINGLE | style);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(t);
        return t;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.LoginDialog_connect, true);
        createButton(parent, OFFLINE_ID, Messages.LoginDialog_openOffline, false).setEnabled(false);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void buttonPressed(int id) {
        if (id == OFFLINE_ID) {
            // the phonebook is already open (the offer is made only then); there is no account without the server
            String user = offeredUser;
            if (user == null) {
                return;
            }
            account = new Account(0, user, user, "", List.of(), false, true);
            offline = true;
            setReturnCode(OK);
            close();
            return;
        }
        super.buttonPressed(id);
    }

    @Override
    public void create() {
        super.create();
        server.setFocus(); // always start at the server field, so keyboard users know where they are
    }

    @Override
    protected void okPressed() {
        URI uri;
        try {
            uri = ApiClient.parseServer(server.getText());
        } catch (IllegalArgumentException e) {
            fail(e.getMessage(), server);
            return;
        }
        String user = username.getText().strip();
        if (user.isEmpty()) {
            fail(Messages.LoginDialog_needUsername, username);
            return;
        }
        if (password.getText().isEmpty()) {
            fail(Messages.LoginDialog_needPassword, password);
            return;
        }
        char[] pw = password.getText().toCharArray();
        boolean keep = remember.getSelection() && remember.isEnabled();
        Display display = getShell().getDisplay();
        CertificateTrustPrompt prompt = new UiTrustPrompt(display, this::getShell);
        AtomicBoolean live = new AtomicBoolean(true);
        current = live;
        setBusy(true, NLS.bind(Messages.LoginDialog_connecting, uri));
        attempt = worker.submit(() -> {
            try {
                Account a = session.login(uri, user, pw, prompt);
                if (!live.get()) {
                    session.logout(); // cancelled while the answer was on its way
                    return;
                }
                String warning = remember(uri, user, keep ? pw : null);
                display.asyncExec(() -> succeeded(live, a, warning));
            } catch (ServerUnreachableException e) {
                // the saved phonebook opens only with the right password, which is the check a server would make
                ContactService book = phonebook;
                boolean saved = live.get() && book != null && openOffline(book, uri, user, pw);
                display.asyncExec(() -> failed(live, e, saved ? user : null));
            } catch (RuntimeException e) {
                display.asyncExec(() -> failed(live, e, null));
            } finally {
                Arrays.fill(pw, '\0');
            }
        });
    }

    private @Nullable String remember(URI uri, String user, char @Nullable [] pw) {
        try {
            credentials.save(uri.toString(), pw == null ? null : user, pw);
            return null;
        } catch (Exception e) {
            return NLS.bind(Messages.LoginDialog_rememberFailed, e.getMessage());
        }
    }

    private void succeeded(AtomicBoolean live, Account a, @Nullable String warning) {
        if (!live.get() || getShell() == null || getShell().isDisposed()) {
            return;
        }
        account = a;
        rememberWarning = warning;
        setReturnCode(OK);
        close();
    }

    private static boolean openOffline(ContactService book, URI uri, String user, char[] pw) {
        try {
            return book.openOffline(uri, user, pw);
        } catch (RuntimeException e) {
            return false; // an unreadable copy is as good as none: the plain error is shown
        }
    }

    /** @param savedPhonebook the user whose saved phonebook was opened, or {@code null} when none was */
    private void failed(AtomicBoolean live, RuntimeException e, @Nullable String savedPhonebook) {
        if (!live.get() || getShell() == null || getShell().isDisposed()) {
            return;
        }
        setBusy(false, null);
        String why = LoginErrors.describe(e);
        fail(savedPhonebook != null ? NLS.bind(Messages.LoginDialog_offlineOffer, why) : why,
                e instanceof ServerUnreachableException ? server : password);
        offeredUser = savedPhonebook;
        getButton(OFFLINE_ID).setEnabled(savedPhonebook != null);
    }

    @Override
    protected void cancelPressed() {
        if (attempt != null) {
            stopAttempt();
            setBusy(false, null);
            showMessage(Messages.LoginDialog_cancelled);
            return;
        }
        super.cancelPressed();
    }

    private void stopAttempt() {
        AtomicBoolean live = current;
        if (live != null) {
            live.set(false);
        }
        Future<?> a = attempt;
        if (a != null) {
            a.cancel(true);
        }
        attempt = null;
    }

    @Override
    public boolean close() {
        stopAttempt();
        worker.shutdown();
        return super.close();
    }

    private void setBusy(boolean busy, @Nullable String text) {
        if (!busy) {
            attempt = null;
        }
        for (Control c : new Control[] { server, username, password }) {
            c.setEnabled(!busy);
        }
        remember.setEnabled(!busy && credentials.problem().isEmpty());
        getButton(IDialogConstants.OK_ID).setEnabled(!busy);
        getButton(OFFLINE_ID).setEnabled(false);
        offeredUser = null;
        GridDataFactory.fillDefaults().span(2, 1).exclude(!busy).applyTo(progress);
        progress.setVisible(busy);
        showMessage(text == null ? "" : text);
        if (busy) {
            getButton(IDialogConstants.CANCEL_ID).setFocus();
        }
    }

    private void fail(String text, Text field) {
        showMessage(text);
        message.setForeground(message.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        field.setFocus();
        field.selectAll();
    }

    private void showMessage(String text) {
        message.setForeground(null);
        message.setText(text);
        message.getParent().layout(true, true);
        getShell().layout(true, true);
        getShell().pack();
    }

    /** @return the logged-in account after OK */
    public @Nullable Account account() {
        return account;
    }

    /** @return whether the user chose to work offline with the saved phonebook (then {@link #account()} only
     *          names the user) */
    public boolean offline() {
        return offline;
    }

    /** @return the Open phonebook offline button (for tests) */
    public Button offlineButton() {
        return getButton(OFFLINE_ID);
    }

    /** @return why Remember me did not work, if it did not */
    public @Nullable String rememberWarning() {
        return rememberWarning;
    }

    /** @return the message shown under the fields (for tests) */
    public String messageText() {
        return message.getText();
    }

    /** @return whether a connection attempt is running (for tests) */
    public boolean isConnecting() {
        return attempt != null;
    }
}
