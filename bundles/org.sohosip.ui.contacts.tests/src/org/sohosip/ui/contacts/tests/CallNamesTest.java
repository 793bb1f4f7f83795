// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.contacts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.sohosip.client.core.Call;
import org.sohosip.client.core.CallState;
import org.sohosip.client.core.ContactService;
import org.sohosip.client.core.DirectoryService;
import org.sohosip.client.core.PhoneRegistration;
import org.sohosip.client.core.RegistrationState;
import org.sohosip.client.core.Telephony;
import org.sohosip.core.CallDirection;
import org.sohosip.core.PhoneNumber;
import org.sohosip.core.PhoneType;
import org.sohosip.core.api.ContactData;
import org.sohosip.ui.contacts.internal.ContactsPart;
import org.sohosip.ui.softphone.SoftphoneTopics;
import org.sohosip.ui.softphone.internal.IncomingCallAddon;
import org.sohosip.ui.softphone.internal.SoftphonePart;
import org.sohosip.ui.testing.DragAndDrop;
import org.sohosip.ui.testing.WorkbenchContext;
import org.sohosip.ui.testing.Screenshots;

/**
 * The softphone's parts with the real phonebook of the real client, logged in to the real server: a caller's number
 * shows as the contact's name in the call list and the incoming-call window (in whatever form the number comes), a
 * colleague's extension as the company directory's name; and a contact dragged from the Contacts table onto the
 * softphone's number field is dialled. The phone is {@link RecordingPhone} (the SIP side is tested elsewhere).
 */
class CallNamesTest {

    private static IEclipseContext ui;

    private Display display;
    private Shell shell;
    private IEclipseContext context;
    private ContactService contacts;
    private final RecordingPhone phone = new RecordingPhone();

    @BeforeAll
    static void workbenchContext() {
        ui = WorkbenchContext.create(FrameworkUtil.getBundle(ContactsPart.class));
    }

    @BeforeEach
    void setUp() throws Exception {
        RunningServer server = RunningServer.get();
        server.user("namesake", "3378");
        contacts = server.login("callnames", "3368");
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setText("Softphone");
        shell.setSize(900, 500);
        context = ui.createChild();
        context.set(ContactService.class, contacts);
        context.set(DirectoryService.class, (DirectoryService) contacts);
        context.set(Telephony.class, phone);
        context.set(PhoneRegistration.class, registered());
        context.set(Composite.class, shell);
    }

    @AfterEach
    void tearDown() {
        context.dispose();
        for (Shell s : display.getShells()) {
            s.dispose();
        }
    }

    @Test
    void callListAndIncomingCallWindowShowThePhonebooksNames() throws Exception {
        if (contacts.nameForNumber("0223456789").isEmpty()) {
            contacts.save(0, new ContactData("Dora Phonebook", null, null, List.of(PhoneNumber.of(PhoneType.OFFICE,
                    "+886 2 2345 6789")), null, null, null, null, null, null));
        }
        ((DirectoryService) contacts).refreshDirectory(); // as the Directory tab does
        Call dora = call("c1", "0223456789", "Anybody Can Send This", CallState.INCOMING);
        phone.calls.add(dora);
        phone.calls.add(call("c2", "3378", null, CallState.ACTIVE));
        phone.calls.add(call("c3", "0999 999 999", "Sent Name", CallState.ON_HOLD));

        SoftphonePart part = ContextInjectionFactory.make(SoftphonePart.class, context);
        shell.open();
        Table table = part.calls().viewer().getTable();
        assertEquals(3, table.getItemCount());
        assertEquals(List.of("Dora Phonebook", "User namesake", "Sent Name"),
                Arrays.stream(table.getItems()).map(i -> i.getText(1)).toList(),
                "the phonebook's name, the directory's for an extension, the sent one for an unknown number");
        assertEquals("0223456789", table.getItem(0).getText(0), "the number stays in its own column");

        IncomingCallAddon incoming = ContextInjectionFactory.make(IncomingCallAddon.class, context);
        context.get(IEventBroker.class).send(SoftphoneTopics.CALL, dora);
        Screenshots.spinUntil(display, () -> incoming.openWindows().size() == 1);
        Shell window = incoming.openWindows().get(0).shell();
        assertEquals(List.of("Dora Phonebook", "0223456789", "You are in another call: answering puts it on hold."),
                Arrays.stream(window.getChildren())
                .filter(Label.class::isInstance).map(c -> ((Label) c).getText()).toList());
        Screenshots.save(window, "incoming-call-phonebook-name");
    }

    @Test
    void aContactDraggedOntoTheNumberFieldIsDialled() throws Exception {
        if (contacts.contacts().stream().noneMatch(c -> c.displayName().equals("Eve Dragged"))) {
            contacts.save(0, new ContactData("Eve Dragged", null, null, List.of(PhoneNumber.of(PhoneType.MOBILE,
                    "0911 444 555")), null, null, null, null, null, null));
        }
        Shell contactsShell = new Shell(display);
        contactsShell.setLayout(new FillLayout());
        contactsShell.setSize(900, 400);
        IEclipseContext contactsContext = context.createChild();
        contactsContext.set(Composite.class, contactsShell);
        ContactsPart contactsPart = ContextInjectionFactory.make(ContactsPart.class, contactsContext);
        contactsShell.open();
        SoftphonePart softphone = ContextInjectionFactory.make(SoftphonePart.class, context);
        shell.open();

        Screenshots.spinUntil(display, () -> Arrays.stream(contactsPart.viewer().getTable().getItems())
                .anyMatch(i -> i.getText(1).equals("Eve Dragged")));
        contactsPart.filter().setText("eve");
        Screenshots.spinUntil(display, () -> contactsPart.viewer().getTable().getItemCount() == 1);
        contactsPart.viewer().getTable().setSelection(0);
        String carried = DragAndDrop.drag((DragSource) contactsPart.viewer().getTable()
                .getData(DND.DRAG_SOURCE_KEY));
        assertEquals("0911 444 555", carried);

        DropTarget target = (DropTarget) softphone.number().getData(DND.DROP_TARGET_KEY);
        assertNotNull(target, "the number field accepts drops");
        DragAndDrop.drop(target, carried);
        Screenshots.spinUntil(display, () -> !phone.dialled.isEmpty());
        assertEquals(List.of("0911 444 555"), phone.dialled);
        Screenshots.spinUntil(display, () -> softphone.lines().get(2).contains("Calling 0911 444 555"));
        contactsContext.dispose();
    }

    /** The softphone dials only when registered; there is no SIP registrar here. */
    private static PhoneRegistration registered() {
        return (PhoneRegistration) Proxy.newProxyInstance(PhoneRegistration.class.getClassLoader(),
                new Class<?>[] { PhoneRegistration.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "state" -> RegistrationState.REGISTERED;
                    case "detail", "toString" -> "";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private static Call call(String id, String party, String name, CallState state) {
        Instant created = Instant.now();
        return (Call) Proxy.newProxyInstance(Call.class.getClassLoader(), new Class<?>[] { Call.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "id" -> id;
                    case "remoteParty" -> party;
                    case "remoteDisplayName" -> name;
                    case "state" -> state;
                    case "direction" -> state == CallState.INCOMING ? CallDirection.INCOMING : CallDirection.OUTGOING;
                    case "created" -> created;
                    case "endReason" -> "";
                    case "toString" -> "Call[" + party + "]";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
