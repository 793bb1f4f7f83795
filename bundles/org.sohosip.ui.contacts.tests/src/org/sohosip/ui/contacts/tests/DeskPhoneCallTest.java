// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.contacts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.sohosip.client.core.ClickToCallService;
import org.sohosip.client.core.ContactService;
import org.sohosip.client.core.Telephony;
import org.sohosip.core.PhoneNumber;
import org.sohosip.core.PhoneType;
import org.sohosip.core.api.ClickToCallStarted;
import org.sohosip.core.api.ContactData;
import org.sohosip.ui.contacts.internal.ContactsPart;
import org.sohosip.ui.testing.Screenshots;

/**
 * "Call from my desk phone" in the phonebook, with the real client logged in to the real server: the button and
 * the context menu ask the click-to-call service for the contact's number and say what happens; the server's
 * refusal is shown in plain words.
 */
class DeskPhoneCallTest {

    private Display display;
    private Shell shell;
    private IEclipseContext context;
    private ContactService contacts;
    private final RecordingPhone phone = new RecordingPhone();

    @BeforeEach
    void setUp() throws Exception {
        contacts = RunningServer.get().login("deskcaller", "3391");
        if (contacts.contacts().stream().noneMatch(c -> c.displayName().equals("Kim Desk"))) {
            contacts.save(0, new ContactData("Kim Desk", null, null, List.of(PhoneNumber.of(PhoneType.OFFICE,
                    "02 2345 0001"), PhoneNumber.of(PhoneType.MOBILE, "0911 555 001")), null, null, null, null, null,
                    null));
        }
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setText("Contacts");
        shell.setSize(1000, 420);
        context = EclipseContextFactory.getServiceContext(FrameworkUtil.getBundle(ContactsPart.class)
                .getBundleContext()).createChild();
        context.set(ContactService.class, contacts);
        context.set(Telephony.class, phone);
        context.set(Composite.class, shell);
    }

    @AfterEach
    void tearDown() {
        shell.dispose();
        context.dispose();
    }

    private ContactsPart kimSelected() {
        ContactsPart part = ContextInjectionFactory.make(ContactsPart.class, context);
        shell.open();
        part.filter().setText("kim desk");
        Screenshots.spinUntil(display, () -> part.viewer().getTable().getItemCount() == 1);
        part.viewer().getTable().setSelection(0);
        return part;
    }

    @Test
    void theDeskPhoneRingsFirstThenTheContactsNumberIsDialled() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        context.set(ClickToCallService.class, number -> {
            asked.add(number);
            return new ClickToCallStarted(number, true, 1L, "ami-1");
        });
        ContactsPart part = kimSelected();
        part.callSelectedFromDesk();
        Screenshots.spinUntil(display, () -> part.statusText().startsWith("Your desk phone is ringing"));
        assertEquals("Your desk phone is ringing: pick it up and 02 2345 0001 (Kim Desk) will be dialled.",
                part.statusText());
        assertEquals(List.of("02 2345 0001"), asked, "the first number, through the server");
        assertEquals(List.of(), phone.dialled, "the softphone is not used");
        Screenshots.save(shell, "contacts-desk-phone");

        // the context menu offers every number from the desk phone too
        part.viewer().getTable().notifyListeners(SWT.MenuDetect, null);
        List<String> items = Arrays.stream(part.viewer().getTable().getMenu().getItems()).map(MenuItem::getText)
                .toList();
        assertTrue(items.contains("Call from my desk phone: Mobile 0911 555 001"), items.toString());
        MenuItem mobile = Arrays.stream(part.viewer().getTable().getMenu().getItems())
                .filter(i -> i.getText().endsWith("0911 555 001") && i.getText().startsWith("Call from my desk"))
                .findFirst().orElseThrow();
        mobile.notifyListeners(SWT.Selection, null);
        Screenshots.spinUntil(display, () -> asked.size() == 2);
        assertEquals("0911 555 001", asked.get(1));
    }

    @Test
    void theServersRefusalIsShownInPlainWords() throws Exception {
        // the client's own click-to-call service, logged in to the real server with no phone registered
        ContactsPart part = kimSelected();
        part.callSelectedFromDesk();
        Screenshots.spinUntil(display, () -> part.statusText().startsWith("Could not call Kim Desk"));
        assertTrue(part.statusText().startsWith("Could not call Kim Desk from your desk phone: "), part.statusText());
        assertEquals(List.of(), phone.dialled);
    }

    @Test
    void withoutClickToCallTheUserIsToldPlainly() throws Exception {
        context.set(ClickToCallService.class, null);
        ContactsPart part = kimSelected();
        part.callSelectedFromDesk();
        assertEquals("Calling from the desk phone is not available in this client.", part.statusText());
    }
}
