// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.app.internal;

import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.e4.ui.workbench.lifecycle.ProcessRemovals;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.sohosip.client.core.ContactService;
import org.sohosip.client.core.KnownServersFile;
import org.sohosip.client.core.SessionService;
import org.sohosip.core.Account;

/**
 * Logs in before the main window exists, then fits the model to the account: window title, and no administrator
 * elements for other users. Cancelling the login ends the application without showing a window. When the server
 * cannot be reached, the user may open the phonebook saved on this computer instead: the window then opens offline
 * (as a user without administration) on the Contacts perspective, and the status line says so ({@link #OFFLINE}).
 */
public final class LifeCycle {

    /** Context key of the Remember-me warning, shown in the status line. */
    public static final String REMEMBER_WARNING = "org.sohosip.ui.app.rememberWarning";

    /** Context key of the status line's text when the window opened offline with the saved phonebook. */
    public static final String OFFLINE = "org.sohosip.ui.app.offline";

    private @Nullable Account account;
    private boolean offline;

    @PostContextCreate
    void login(IEclipseContext context, SessionService session, @Optional @Nullable ContactService phonebook) {
        CredentialStore store = new SecureCredentialStore(KnownServersFile.userFolder());
        String server = initialServer(List.of(Platform.getApplicationArgs()), System.getProperty("sohosip.server"),
                store.load().server());
        LoginDialog dialog = new LoginDialog(null, session, store, server, phonebook);
        if (dialog.open() == Window.OK) {
            accept(context, dialog);
        }
    }

    /**
     * Takes the outcome of a login dialog that ended with OK.
     *
     * @param context the application context
     * @param dialog  the closed dialog
     */
    public void accept(IEclipseContext context, LoginDialog dialog) {
        Account a = dialog.account();
        account = a;
        context.set(REMEMBER_WARNING, dialog.rememberWarning());
        offline = dialog.offline() && a != null;
        if (offline && a != null) {
            context.set(OFFLINE, NLS.bind(Messages.Status_offline, a.username()));
        }
    }

    @ProcessRemovals
    void fitModel(MApplication app, IEclipseContext context) {
        Account a = account;
        if (a == null) {
            // no window may appear: remove them all and close the workbench as soon as it runs
            app.getChildren().clear();
            Display.getCurrent().asyncExec(() -> context.get(IWorkbench.class).close());
            return;
        }
        for (MWindow w : app.getChildren()) {
            if ("org.sohosip.ui.app.window.main".equals(w.getElementId())) {
                w.setLabel(NLS.bind(Messages.Window_title, a.username()));
            }
        }
        if (!a.admin()) {
            AdminOnly.removeFrom(app);
        }
        if (offline) {
            OfflineStart.showPhonebook(app);
        }
    }

    /**
     * @param args          application arguments ({@code -server <url>})
     * @param property      the {@code sohosip.server} system property
     * @param lastUsed      the server used last time
     * @return the server address the login dialog shows first
     */
    static String initialServer(List<String> args, @Nullable String property, @Nullable String lastUsed) {
        int i = args.indexOf("-server");
        if (i >= 0 && i + 1 < args.size()) {
            return args.get(i + 1);
        }
        if (property != null && !property.isBlank()) {
            return property;
        }
        return lastUsed != null ? lastUsed : "https://";
    }
}
