// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Composite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.jface.window.Window;
import org.osgi.framework.FrameworkUtil;
import org.sohosip.client.core.KnownServersFile;
import org.sohosip.client.core.SessionService;
import org.sohosip.client.core.internal.SessionServiceImpl;
import org.sohosip.ui.app.internal.CredentialStore;
import org.sohosip.ui.app.internal.LifeCycle;
import org.sohosip.ui.app.internal.LoginDialog;
import org.sohosip.ui.app.internal.SecureCredentialStore;
import org.sohosip.ui.app.internal.StatusLine;
import org.sohosip.ui.testing.Screenshots;
import org.sohosip.ui.testing.TestPhonebook;
import org.sohosip.ui.testing.WorkbenchContext;

/** The login dialog on a real shell with the real session service (Xvfb in CI). */
class LoginDialogUiTest {

    private Display display;
    private Path dir;
    private SessionServiceImpl session;

    @BeforeEach
    void setUp() throws Exception {
        display = Display.getDefault();
        dir = Files.createTempDirectory("sohosip-login");
        session = new SessionServiceImpl(new KnownServersFile(dir.resolve("known")), Duration.ofSeconds(1));
    }

    @AfterEach
    void tearDown() {
        session.logout();
    }

    private static List<Text> texts(Composite c, List<Text> into) {
        for (Control child : c.getChildren()) {
            if (child instanceof Text t) {
                into.add(t);
            } else if (child instanceof Composite cc) {
                texts(cc, into);
            }
        }
        return into;
    }

    @Test
    void validatesThenShowsUnreachableServerInPlainWords() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        LoginDialog dialog = new LoginDialog(null, session, new SecureCredentialStore(dir), "http://wrong");
        dialog.setBlockOnOpen(false);
        dialog.open();
        Shell shell = dialog.getShell();
        assertEquals("SOHOSIP Login", shell.getText());
        List<Text> fields = texts(shell, new java.util.ArrayList<>());
        Text server = fields.get(0), user = fields.get(1), password = fields.get(2);
        assertTrue((password.getStyle() & SWT.PASSWORD) != 0);
        assertEquals(server, display.getFocusControl(), "keyboard users start at the server field");

        shell.getDefaultButton().notifyListeners(SWT.Selection, null);
        assertTrue(dialog.messageText().contains("https://host:port"), dialog.messageText());
        server.setText("https://127.0.0.1:" + port);
        shell.getDefaultButton().notifyListeners(SWT.Selection, null);
        assertEquals("Enter your user name.", dialog.messageText());
        assertEquals(user, display.getFocusControl());
        user.setText("alice");
        shell.getDefaultButton().notifyListeners(SWT.Selection, null);
        assertEquals("Enter your password.", dialog.messageText());
        Screenshots.save(shell, "login-validation");

        password.setText("secret-password");
        shell.getDefaultButton().notifyListeners(SWT.Selection, null);
        Screenshots.spinUntil(display, () -> !dialog.isConnecting());
        assertEquals("Cannot reach https://127.0.0.1:" + port
                + ": connection refused. Check the server address and that the server is running.",
                dialog.messageText());
        assertTrue(server.isEnabled() && shell.getDefaultButton().isEnabled());
        assertFalse(shell.isDisposed());
        Screenshots.save(shell, "login-unreachable");
        dialog.close();
    }

    /**
     * The phonebook is {@link TestPhonebook}, an in-test implementation of the public interface whose saved copy
     * opens with one password (the real copy and its encryption are tested with the real server in the contacts
     * tests); the session is the real one, against a closed port.
     */
    @Test
    void unreachableServerOffersTheSavedPhonebookWhenThePasswordOpensIt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        TestPhonebook book = new TestPhonebook().savedWith("secret-password");
        LoginDialog dialog = new LoginDialog(null, session, new SecureCredentialStore(dir),
                "https://127.0.0.1:" + port, book);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Shell shell = dialog.getShell();
        List<Text> fields = texts(shell, new java.util.ArrayList<>());
        fields.get(1).setText("alice");
        assertFalse(dialog.offlineButton().isEnabled(), "nothing to offer before the server was tried");

        // a password that does not open the saved copy gets today's plain error, and no offer
        fields.get(2).setText("not-the-password");
        shell.getDefaultButton().notifyListeners(SWT.Selection, null);
        Screenshots.spinUntil(display, () -> !dialog.isConnecting());
        String unreachable = "Cannot reach https://127.0.0.1:" + port
                + ": connection refused. Check the server address and that the server is running.";
        assertEquals(unreachable, dialog.messageText());
        assertFalse(dialog.offlineButton().isEnabled());
        assertFalse(book.offline());

        fields.get(2).setText("secret-password");
        shell.getDefaultButton().notifyListeners(SWT.Selection, null);
        Screenshots.spinUntil(display, () -> !dialog.isConnecting());
        assertEquals(unreachable + " Your phonebook saved on this computer can be opened offline.",
                dialog.messageText());
        assertTrue(dialog.offlineButton().isEnabled());
        assertTrue(book.offline(), "the phonebook opened its saved copy");
        Screenshots.save(shell, "login-offline-offer");
        dialog.offlineButton().notifyListeners(SWT.Selection, null);
        assertTrue(shell.isDisposed());
        assertEquals(Window.OK, dialog.getReturnCode());
        assertTrue(dialog.offline());
        assertEquals("alice", dialog.account().username());
        assertFalse(dialog.account().admin(), "no administration without the server");

        // the main window then opens offline and its status line says so
        IEclipseContext app = WorkbenchContext.create(FrameworkUtil.getBundle(LoginDialog.class)).createChild();
        new LifeCycle().accept(app, dialog);
        Shell window = new Shell(display);
        app.set(Composite.class, window);
        app.set(SessionService.class, session);
        StatusLine status = ContextInjectionFactory.make(StatusLine.class, app);
        assertEquals("Offline as alice: the server cannot be reached. Contacts shows your phonebook as saved on this "
                + "computer; changes are sent when you log in again.", status.text());
        app.dispose();
        window.dispose();
    }

    @Test
    void rememberMeWorksWithoutAnyPasswordPrompt() throws Exception {
        CredentialStore store = new SecureCredentialStore(dir);
        assertEquals(Optional.empty(), store.problem());
        store.save("https://pbx:8443", "alice", "secret-password".toCharArray());
        CredentialStore again = new SecureCredentialStore(dir);
        CredentialStore.Remembered r = again.load();
        assertEquals("https://pbx:8443", r.server());
        assertEquals("alice", r.username());
        assertEquals("secret-password", new String(r.password()));
        assertFalse(Files.readString(dir.resolve("secure_storage")).contains("secret-password"));
    }
}
