// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.contacts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.sohosip.client.core.ContactService;
import org.sohosip.client.core.DirectoryService;
import org.sohosip.client.core.Telephony;
import org.sohosip.core.Contact;
import org.sohosip.ui.contacts.internal.ContactEditor;
import org.sohosip.ui.contacts.internal.ContactsPart;
import org.sohosip.ui.contacts.internal.DirectoryPart;
import org.sohosip.ui.contacts.internal.ImportWizard;
import org.sohosip.ui.testing.Screenshots;

/**
 * The Contacts perspective's parts on a real shell (Xvfb), with the real client services logged in to the real
 * server: add, search, edit, import a vCard file, and dial from a contact and from the directory.
 */
class ContactsUiTest {

    private Display display;
    private Shell shell;
    private IEclipseContext context;
    private ContactService contacts;
    private final RecordingPhone phone = new RecordingPhone();

    @BeforeEach
    void setUp() throws Exception {
        RunningServer server = RunningServer.get();
        server.user("colleague", "3377");
        contacts = server.login("uitester", "3366");
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setText("Contacts");
        shell.setSize(1000, 520);
        context = EclipseContextFactory.getServiceContext(FrameworkUtil.getBundle(ContactsPart.class)
                .getBundleContext()).createChild();
        context.set(ContactService.class, contacts);
        context.set(DirectoryService.class, (DirectoryService) contacts);
        context.set(Composite.class, shell);
    }

    @AfterEach
    void tearDown() {
        shell.dispose();
        context.dispose();
    }

    private ContactsPart part() {
        context.set(Telephony.class, phone);
        ContactsPart part = ContextInjectionFactory.make(ContactsPart.class, context);
        shell.open();
        return part;
    }

    private static List<String> names(ContactsPart part) {
        return java.util.Arrays.stream(part.viewer().getTable().getItems()).map(i -> i.getText(1)).toList();
    }

    @Test
    void addSearchEditImportAndDial() throws Exception {
        ContactsPart part = part();

        // Add: a wrong number is refused next to its field, then saved once corrected.
        ContactEditor add = new ContactEditor(shell, null, contacts);
        add.setBlockOnOpen(false);
        add.open();
        add.field("displayName").setText("Kate Bell");
        add.field("company").setText("Café Crème");
        add.number(0).setText("call me");
        assertTrue(add.errorText("numbers[0]").startsWith("'call me' is not a phone number"), add.errorText(
                "numbers[0]"));
        add.field("emails").setText("kate@cafe.example\nno-at-sign");
        assertTrue(add.errorText("emails").contains("no-at-sign"), add.errorText("emails"));
        Screenshots.save(add.getShell(), "contact-new-invalid");
        add.number(0).setText("(02) 2345-6789");
        add.field("emails").setText("kate@cafe.example");
        add.field("groups").setText("Suppliers");
        assertEquals("", add.errorText("numbers[0]"));
        Screenshots.save(add.getShell(), "contact-new");
        add.getShell().getDefaultButton().notifyListeners(SWT.Selection, null);
        Screenshots.spinUntil(display, () -> add.saved() != null);
        Screenshots.spinUntil(display, () -> names(part).contains("Kate Bell"));
        assertEquals("+886223456789", add.saved().numbers().get(0).normalized(), "stored on the server");

        // Search as you type: accents, digits in either form, groups.
        part.filter().setText("cafe");
        assertEquals(List.of("Kate Bell"), names(part));
        part.filter().setText("+886 2 2345 6789");
        assertEquals(List.of("Kate Bell"), names(part), "the international form finds the national number");
        part.filter().setText("nobody");
        assertEquals(List.of(), names(part));
        assertTrue(part.statusText().startsWith("0 of "), part.statusText());
        part.filter().setText("");
        part.group().select(part.group().indexOf("Suppliers"));
        part.group().notifyListeners(SWT.Selection, null);
        assertEquals(List.of("Kate Bell"), names(part));
        Screenshots.save(shell, "contacts-group");

        // Edit.
        Contact kate = contacts.contacts().stream().filter(c -> c.displayName().equals("Kate Bell")).findFirst()
                .orElseThrow();
        ContactEditor edit = new ContactEditor(shell, kate, contacts);
        edit.setBlockOnOpen(false);
        edit.open();
        assertEquals("(02) 2345-6789", edit.number(0).getText());
        edit.field("title").setText("Owner");
        edit.field("displayName").setText("Kate Bell-Smith");
        edit.getShell().getDefaultButton().notifyListeners(SWT.Selection, null);
        Screenshots.spinUntil(display, () -> edit.saved() != null);
        Screenshots.spinUntil(display, () -> names(part).contains("Kate Bell-Smith"));
        assertEquals("Owner", edit.saved().title());

        // Import a vCard file through the wizard: preview with the bad card's line, then all new entries.
        Path vcf = Files.createTempFile("contacts", ".vcf");
        Files.writeString(vcf, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Import\r\nTEL;TYPE=CELL:0911 222 333\r\n"
                + "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nTEL:0900 000 000\r\nEND:VCARD\r\n",
                StandardCharsets.UTF_8);
        part.group().select(0);
        part.group().notifyListeners(SWT.Selection, null);
        WizardDialog wizardDialog = part.importDialog();
        wizardDialog.setBlockOnOpen(false);
        wizardDialog.open();
        ImportWizard wizard = (ImportWizard) wizardDialog.getCurrentPage().getWizard();
        wizard.filePage().pathField().setText(vcf.toString());
        press(wizardDialog.getShell(), IDialogConstants.NEXT_LABEL);
        Screenshots.spinUntil(display, () -> wizardDialog.getCurrentPage() == wizard.previewPage()
                || wizard.filePage().getErrorMessage() != null);
        assertEquals(null, wizard.filePage().getErrorMessage());
        assertEquals("2 entries: 1 new, 0 already in your phonebook, 1 cannot be imported.",
                wizard.previewPage().summaryText());
        assertEquals("6", wizard.previewPage().problems().getTable().getItem(0).getText(0), "line of the bad card");
        Screenshots.save(wizardDialog.getShell(), "import-preview");
        press(wizardDialog.getShell(), IDialogConstants.FINISH_LABEL);
        Screenshots.spinUntil(display, () -> wizard.result() != null);
        assertEquals(1, wizard.result().created());
        Screenshots.spinUntil(display, () -> names(part).contains("Ann Import"));
        Screenshots.save(shell, "contacts-imported");

        // Dial: Enter (default selection) on a contact hands its number to the softphone.
        part.filter().setText("ann");
        part.viewer().getTable().setSelection(0);
        part.viewer().getTable().notifyListeners(SWT.DefaultSelection, null);
        assertEquals(List.of("0911 222 333"), phone.dialled);
        assertEquals("Calling Ann Import (0911 222 333)\u2026", part.statusText());
        Screenshots.save(shell, "contacts-dialled");
    }

    @Test
    void withoutTheSoftphoneTheUserIsToldPlainly() throws Exception {
        // an explicit "none": with the softphone's bundles in the test runtime the real (unregistered) softphone
        // would otherwise be found among the OSGi services
        context.set(Telephony.class, null);
        ContactsPart part = ContextInjectionFactory.make(ContactsPart.class, context);
        shell.open();
        contacts.save(0, new org.sohosip.core.api.ContactData("Zed NoPhone", null, null, List.of(
                org.sohosip.core.PhoneNumber.of(org.sohosip.core.PhoneType.OFFICE, "3301")), null, null, null, null,
                null, null));
        Screenshots.spinUntil(display, () -> names(part).contains("Zed NoPhone"));
        part.filter().setText("zed");
        part.viewer().getTable().setSelection(0);
        part.callSelected();
        assertTrue(part.statusText().startsWith("The softphone is not available, so 3301 cannot be dialled"),
                part.statusText());
        assertEquals(List.of(), phone.dialled);
    }

    @Test
    void directoryTabListsColleaguesAndDialsTheirExtension() throws Exception {
        context.set(Telephony.class, phone);
        DirectoryPart part = ContextInjectionFactory.make(DirectoryPart.class, context);
        shell.open();
        Screenshots.spinUntil(display, () -> part.viewer().getTable().getItemCount() >= 2);
        part.filter().setText("colleague");
        assertEquals(1, part.viewer().getTable().getItemCount());
        assertEquals("3377", part.viewer().getTable().getItem(0).getText(1));
        part.viewer().getTable().setSelection(0);
        part.viewer().getTable().notifyListeners(SWT.DefaultSelection, null);
        assertEquals(List.of("3377"), phone.dialled);
        Screenshots.save(shell, "directory");
    }

    private static void press(Shell dialog, String label) {
        Button b = find(dialog, label);
        if (b == null) {
            throw new AssertionError("No button " + label);
        }
        Screenshots.spinUntil(dialog.getDisplay(), b::isEnabled);
        b.notifyListeners(SWT.Selection, null);
    }

    private static Button find(Composite parent, String label) {
        for (Control c : parent.getChildren()) {
            if (c instanceof Button b && label.equals(b.getText())) {
                return b;
            }
            if (c instanceof Composite child) {
                Button found = find(child, label);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
