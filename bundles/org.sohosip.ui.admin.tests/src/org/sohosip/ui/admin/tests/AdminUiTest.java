// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.sohosip.client.core.AccountService;
import org.sohosip.client.core.ApiException;
import org.sohosip.core.Account;
import org.sohosip.core.LoginRecord;
import org.sohosip.core.api.AccountChanges;
import org.sohosip.core.api.ApiError;
import org.sohosip.core.api.NewAccount;
import org.sohosip.ui.admin.internal.AccountDialog;
import org.sohosip.ui.admin.internal.AccountsPart;
import org.sohosip.ui.testing.Screenshots;

/** Real SWT on a real shell (Xvfb in CI): the accounts part and the account dialog. */
class AdminUiTest {

    private static final List<Account> ACCOUNTS = List.of(
            new Account(1, "alice", "Alice Admin", "3301", List.of("reception"), true, true),
            new Account(2, "bob", "Bob Builder", "3302", List.of(), false, true),
            new Account(3, "carol", "Carol Sales", "3303", List.of("sales", "0800"), false, false));

    /** Stands in for the server only where one cannot run inside this test: it serves a fixed list. */
    private static final class FixedAccounts implements AccountService {
        final AtomicInteger loads = new AtomicInteger();

        @Override public List<Account> accounts() { loads.incrementAndGet(); return ACCOUNTS; }
        @Override public Account create(NewAccount a) {
            throw new ApiException(new ApiError(409, "duplicate", "That user name is taken.",
                    Map.of("username", "The user name 'bob' is already taken.")), -1);
        }
        @Override public Account account(long id) { return ACCOUNTS.get((int) id - 1); }
        @Override public Account update(long id, AccountChanges c) { return ACCOUNTS.get((int) id - 1); }
        @Override public void setPassword(long id, char[] password) { }
        @Override public List<LoginRecord> loginRecords(int limit, String username) { return List.of(); }
    }

    private Display display;
    private Shell shell;

    @BeforeEach
    void setUp() {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setText("Accounts");
    }

    @AfterEach
    void tearDown() {
        shell.dispose();
    }

    @Test
    void accountsPartFiltersAsYouTypeAndSorts() throws Exception {
        IEclipseContext ctx = EclipseContextFactory
                .getServiceContext(FrameworkUtil.getBundle(AccountsPart.class).getBundleContext()).createChild();
        FixedAccounts service = new FixedAccounts();
        ctx.set(AccountService.class, service);
        ctx.set(Composite.class, shell);
        AccountsPart part = ContextInjectionFactory.make(AccountsPart.class, ctx);
        shell.setSize(900, 400);
        shell.open();
        Screenshots.spinUntil(display, () -> part.viewer().getTable().getItemCount() == 3);
        assertEquals("alice", part.viewer().getTable().getItem(0).getText(0));
        assertEquals("3 of 3 accounts", part.statusText());

        part.filter().setText("SAL"); // display name and alias of carol
        assertEquals(1, part.viewer().getTable().getItemCount());
        assertEquals("carol", part.viewer().getTable().getItem(0).getText(0));
        assertEquals("sales, 0800", part.viewer().getTable().getItem(0).getText(3));
        assertEquals("1 of 3 accounts", part.statusText());
        Screenshots.save(shell, "accounts-filtered");

        part.filter().setText("330");
        assertEquals(3, part.viewer().getTable().getItemCount());
        // the list starts sorted by user name; clicking that header reverses it, clicking again restores it
        part.viewer().getTable().getColumn(0).notifyListeners(org.eclipse.swt.SWT.Selection, null);
        assertEquals("carol", part.viewer().getTable().getItem(0).getText(0));
        Screenshots.save(shell, "accounts-sorted");
        part.viewer().getTable().getColumn(0).notifyListeners(org.eclipse.swt.SWT.Selection, null);
        assertEquals("alice", part.viewer().getTable().getItem(0).getText(0));
        part.viewer().getTable().getColumn(2).notifyListeners(org.eclipse.swt.SWT.Selection, null);
        assertEquals("3301", part.viewer().getTable().getItem(0).getText(2));
        ContextInjectionFactory.uninject(part, ctx);
    }

    @Test
    void accountDialogShowsRuleMessagesNextToFieldsAndServerFieldErrors() throws Exception {
        AccountDialog dialog = new AccountDialog(shell, null, (created, changes) -> new FixedAccounts().create(created));
        dialog.setBlockOnOpen(false);
        dialog.open();
        Shell d = dialog.getShell();
        assertEquals("New account", d.getText());
        assertEquals("", dialog.errorText("username"), "no message before the user typed");

        dialog.field("username").setText("Bob!");
        assertTrue(dialog.errorText("username").startsWith("Use 2-32 lower-case letters"), dialog.errorText("username"));
        dialog.field("extension").setText("1");
        assertEquals("An extension is 2 to 6 digits, e.g. 3301.", dialog.errorText("extension"));
        dialog.field("password").setText("short");
        assertEquals("A password needs at least 8 characters.", dialog.errorText("password"));
        dialog.field("aliases").setText("sales, bad alias");
        assertTrue(dialog.errorText("aliases").contains("'bad alias'"), dialog.errorText("aliases"));
        Screenshots.save(d, "new-account-invalid");

        dialog.field("username").setText("bob");
        dialog.field("displayName").setText("Bob Again");
        dialog.field("extension").setText("3399");
        dialog.field("password").setText("long-enough-1");
        dialog.field("aliases").setText("");
        assertEquals("", dialog.errorText("username"));
        d.getDefaultButton().notifyListeners(org.eclipse.swt.SWT.Selection, null);
        Screenshots.spinUntil(display, () -> !dialog.errorText("username").isEmpty());
        assertEquals("The user name 'bob' is already taken.", dialog.errorText("username"));
        assertTrue(d.getDefaultButton().isEnabled());
        assertEquals(IDialogConstants.OK_ID, (int) (Integer) d.getDefaultButton().getData());
        Screenshots.save(d, "new-account-duplicate");
        dialog.close();
    }

    @Test
    void accountDialogSendsPstnPermissionGroupsAndOutsideCallLimit() throws Exception {
        AtomicReference<NewAccount> sent = new AtomicReference<>();
        AccountDialog dialog = new AccountDialog(shell, null, (created, changes) -> {
            sent.set(created);
            return ACCOUNTS.get(1);
        });
        dialog.setBlockOnOpen(false);
        dialog.open();
        Shell d = dialog.getShell();
        assertEquals("2", dialog.field("outsideCallLimit").getText(), "the default limit");
        dialog.field("groups").setText("sales, Front Desk");
        assertEquals("Group 'Front Desk' must be 1-32 lower-case letters, digits, '.', '_' or '-'.",
                dialog.errorText("groups"));
        dialog.field("outsideCallLimit").setText("99");
        assertEquals("The outside-call limit is 1 to 30 calls at once.", dialog.errorText("outsideCallLimit"));
        Screenshots.save(d, "new-account-telephony-invalid");
        dialog.field("username").setText("dave");
        dialog.field("displayName").setText("Dave Dialer");
        dialog.field("extension").setText("3304");
        dialog.field("password").setText("long-enough-2");
        dialog.field("groups").setText("sales, reception");
        dialog.field("outsideCallLimit").setText("4");
        dialog.pstn().setSelection(true);
        d.getDefaultButton().notifyListeners(org.eclipse.swt.SWT.Selection, null);
        Screenshots.spinUntil(display, () -> sent.get() != null);
        assertEquals(Boolean.TRUE, sent.get().pstnAllowed());
        assertEquals(List.of("sales", "reception"), sent.get().groups());
        assertEquals(4, sent.get().outsideCallLimit());

        Account pstnUser = new Account(5, "erin", "Erin", "3305", List.of(), false, true, true, List.of("sales"), 3);
        AccountDialog edit = new AccountDialog(shell, pstnUser, (created, changes) -> pstnUser);
        edit.setBlockOnOpen(false);
        edit.open();
        assertTrue(edit.pstn().getSelection());
        assertEquals("sales", edit.field("groups").getText());
        assertEquals("3", edit.field("outsideCallLimit").getText());
        edit.close();
    }
}
