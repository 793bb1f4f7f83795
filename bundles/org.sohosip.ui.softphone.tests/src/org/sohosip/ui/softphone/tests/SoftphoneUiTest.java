// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.softphone.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.event.EventHandler;
import org.sohosip.client.core.CallControls;
import org.sohosip.client.core.CallHold;
import org.sohosip.client.core.CallState;
import org.sohosip.client.core.ContactService;
import org.sohosip.client.core.PhoneRegistration;
import org.sohosip.client.core.RegistrationState;
import org.sohosip.client.core.Telephony;
import org.sohosip.core.CallDirection;
import org.sohosip.ui.softphone.SoftphoneTopics;
import org.sohosip.ui.softphone.internal.CallEventsAddon;
import org.sohosip.ui.softphone.internal.IncomingCallAddon;
import org.sohosip.ui.softphone.internal.IncomingCallWindow;
import org.sohosip.ui.softphone.internal.RegistrationStatus;
import org.sohosip.ui.softphone.internal.SoftphonePart;
import org.sohosip.ui.testing.DragAndDrop;
import org.sohosip.ui.testing.Screenshots;
import org.sohosip.ui.testing.TestPhonebook;
import org.sohosip.ui.testing.WorkbenchContext;

/**
 * The Softphone part, the incoming-call notification and the registration status on a real shell (Xvfb in CI),
 * wired as in the application: the services reach them by injection and their changes through the real event
 * broker on the {@link SoftphoneTopics} topics. The phone itself is {@link TestPhone} (see there why).
 */
class SoftphoneUiTest {

    private Display display;
    private Shell shell;
    private TestPhone phone;
    private IEclipseContext ctx;
    private CallEventsAddon events;

    /** Holds what the workbench would: the UI synchronizer that delivers {@code @UIEventTopic} events. */
    private static IEclipseContext ui;

    @BeforeAll
    static void workbenchContext() {
        ui = WorkbenchContext.create(FrameworkUtil.getBundle(SoftphonePart.class));
    }

    @BeforeEach
    void setUp() {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setText("Softphone");
        phone = new TestPhone();
        ctx = ui.createChild();
        ctx.set(Telephony.class, phone);
        ctx.set(CallHold.class, phone);
        ctx.set(CallControls.class, phone);
        ctx.set(PhoneRegistration.class, phone);
        ctx.set(Composite.class, shell);
        events = ContextInjectionFactory.make(CallEventsAddon.class, ctx);
    }

    @AfterEach
    void tearDown() {
        ctx.dispose();
        assertEquals(0, phone.listenerCount(), "the add-on lets go of the services when the context ends");
        shell.dispose();
        for (Shell s : display.getShells()) {
            s.dispose();
        }
    }

    private SoftphonePart openPart() {
        SoftphonePart part = ContextInjectionFactory.make(SoftphonePart.class, ctx);
        shell.setSize(900, 520);
        shell.open();
        return part;
    }

    private static void key(Control target, char c) {
        Event e = new Event();
        e.character = c;
        e.keyCode = c;
        target.notifyListeners(SWT.KeyDown, e);
    }

    private static void press(Button b) {
        assertTrue(b.isEnabled(), () -> "'" + b.getText() + "' must be enabled");
        b.notifyListeners(SWT.Selection, new Event());
    }

    private List<String> row(SoftphonePart part, int i) {
        TableItem item = part.calls().viewer().getTable().getItem(i);
        return List.of(item.getText(0), item.getText(1), item.getText(2), item.getText(3));
    }

    private int rows(SoftphonePart part) {
        return part.calls().viewer().getTable().getItemCount();
    }

    @Test
    void keypadAndKeyboardEnterTheNumberAndEnterDialsIt() throws Exception {
        SoftphonePart part = openPart();
        for (char c : "3302".toCharArray()) {
            press(part.pad().button(c));
        }
        assertEquals("3302", part.number().getText());
        key(part.pad().button('5'), SWT.BS); // Backspace, with the focus on the pad
        assertEquals("330", part.number().getText());
        key(part.calls().viewer().getTable(), '2'); // a digit typed on the call list lands in the number
        assertEquals("3302", part.number().getText());
        Screenshots.save(shell, "softphone-number");

        part.number().notifyListeners(SWT.DefaultSelection, new Event()); // Enter in the number field
        Screenshots.spinUntil(display, () -> rows(part) == 1);
        assertEquals(List.of("3302"), phone.dialled);
        assertEquals("", part.number().getText(), "the field is ready for the next number");
        assertEquals("3302", row(part, 0).get(0));
        assertEquals("Dialling\u2026", row(part, 0).get(2));
        assertTrue(part.lines().get(2).contains("Calling 3302"), part.lines().toString());

        // a failed dial keeps the number and says why
        part.number().setText("999");
        press(part.actions().get(0));
        Screenshots.spinUntil(display, () -> part.lines().get(2).startsWith("Could not call 999"));
        assertEquals("Could not call 999: Nobody has the number 999.", part.lines().get(2));
        assertEquals("999", part.number().getText());
        assertEquals(List.of("3302", "999"), phone.dialled);
    }

    @Test
    void callListFollowsStatesAndTheTimerRuns() throws Exception {
        SoftphonePart part = openPart();
        TestPhone.TestCall call = phone.add(CallDirection.OUTGOING, "3302", "Bob Builder", CallState.DIALING);
        Screenshots.spinUntil(display, () -> rows(part) == 1);
        assertEquals(List.of("3302", "Bob Builder", "Dialling\u2026"), row(part, 0).subList(0, 3));
        phone.change(call, CallState.RINGING, "");
        Screenshots.spinUntil(display, () -> row(part, 0).get(2).equals("Ringing"));

        call.connected = Instant.now().minusSeconds(65);
        phone.change(call, CallState.ACTIVE, "");
        Screenshots.spinUntil(display, () -> row(part, 0).get(2).equals("Connected"));
        String first = row(part, 0).get(3);
        assertTrue(first.equals("1:05") || first.equals("1:06"), first);
        // the timer ticks by itself, without any event
        Screenshots.spinUntil(display, () -> !row(part, 0).get(3).equals(first));
        assertTrue(row(part, 0).get(3).matches("1:0[6-8]"), row(part, 0).get(3));
        Screenshots.save(shell, "softphone-active-call");

        phone.change(call, CallState.REMOTE_HOLD, "");
        Screenshots.spinUntil(display, () -> row(part, 0).get(2).equals("Held by the other side"));
        phone.change(call, CallState.ENDED, "Busy");
        Screenshots.spinUntil(display, () -> rows(part) == 0);
        assertEquals("Call with 3302 ended: Busy", part.lines().get(2));
    }

    @Test
    void buttonsActOnTheSelectedCallAndAreEnabledByItsState() throws Exception {
        SoftphonePart part = openPart();
        List<Button> b = part.actions(); // dial, answer, decline, hang up, hold/resume, mute
        assertFalse(b.get(0).isEnabled(), "nothing to dial yet");
        assertTrue(b.subList(1, 6).stream().noneMatch(Button::isEnabled), "no call, no call buttons");

        TestPhone.TestCall bob = phone.add(CallDirection.OUTGOING, "3302", "Bob Builder", CallState.ACTIVE);
        Screenshots.spinUntil(display, () -> rows(part) == 1);
        TestPhone.TestCall carol = phone.add(CallDirection.INCOMING, "carol", "Carol Sales", CallState.INCOMING);
        Screenshots.spinUntil(display, () -> rows(part) == 2);
        // the ringing call is the one selected: answer and decline act on it
        assertEquals(carol, part.calls().selected());
        assertEquals(List.of(false, true, true, false, false, false),
                b.stream().map(Button::isEnabled).toList());
        Screenshots.save(shell, "softphone-call-waiting");
        press(b.get(2));
        Screenshots.spinUntil(display, () -> rows(part) == 1);
        assertEquals(List.of("decline carol"), phone.actions);
        assertEquals("Call with carol ended: Declined", part.lines().get(2));

        assertEquals(bob, part.calls().selected());
        assertEquals("Hold", b.get(4).getText().replace("&", ""));
        press(b.get(5));
        assertTrue(b.get(5).getSelection(), "Mute shows the call is muted");
        press(b.get(4));
        // the timer may repaint the row before the change event reaches the buttons: wait for both
        Screenshots.spinUntil(display, () -> row(part, 0).get(2).equals("On hold")
                && b.get(4).getText().replace("&", "").equals("Resume"));
        press(b.get(4));
        Screenshots.spinUntil(display, () -> row(part, 0).get(2).equals("Connected")
                && b.get(4).getText().replace("&", "").equals("Hold"));
        assertTrue(b.get(5).getSelection(), "still muted after hold and resume");
        press(b.get(5));
        assertFalse(b.get(5).getSelection());
        press(b.get(3));
        Screenshots.spinUntil(display, () -> rows(part) == 0);
        assertEquals(List.of("decline carol", "mute 3302", "hold 3302", "resume 3302", "unmute 3302", "hang up 3302"),
                phone.actions);

        // with two calls, selecting one makes the buttons act on that one, not on the other
        TestPhone.TestCall first = phone.add(CallDirection.OUTGOING, "3303", null, CallState.ON_HOLD);
        TestPhone.TestCall second = phone.add(CallDirection.INCOMING, "3304", null, CallState.ACTIVE);
        Screenshots.spinUntil(display, () -> rows(part) == 2);
        part.calls().select(first);
        press(b.get(3));
        Screenshots.spinUntil(display, () -> rows(part) == 1);
        assertEquals("hang up 3303", phone.actions.get(phone.actions.size() - 1));
        assertEquals(List.of(second), phone.calls());
        assertEquals(CallState.ENDED, first.state());
    }

    @Test
    void digitsSendTonesDuringACall() throws Exception {
        SoftphonePart part = openPart();
        phone.add(CallDirection.OUTGOING, "3302", null, CallState.ACTIVE);
        Screenshots.spinUntil(display, () -> rows(part) == 1);
        press(part.pad().button('5'));
        key(part.number(), '#'); // typed in the number field
        key(part.calls().viewer().getTable(), '1');
        assertEquals(List.of("tone 5 to 3302", "tone # to 3302", "tone 1 to 3302"), phone.actions);
        assertEquals("", part.number().getText(), "tones do not end up in the number");
        assertEquals("Tones sent: 5#1", part.lines().get(2));
        Screenshots.save(shell, "softphone-dtmf");
        Event letter = new Event();
        letter.character = 'a';
        part.number().notifyListeners(SWT.KeyDown, letter);
        assertTrue(letter.doit, "other keys still edit the number");
        assertEquals(3, phone.actions.size());
    }

    @Test
    void incomingCallNotificationAppearsWithoutTheSoftphoneAndGoesWhenTheCallStopsRinging() throws Exception {
        // no Softphone part exists: the add-on alone shows the window
        IncomingCallAddon incoming = ContextInjectionFactory.make(IncomingCallAddon.class, ctx);
        List<Object> shown = new CopyOnWriteArrayList<>();
        EventHandler h = e -> shown.add(e.getProperty(IEventBroker.DATA));
        ctx.get(IEventBroker.class).subscribe(SoftphoneTopics.SHOW, h);
        shell.setSize(500, 300);
        shell.open();

        TestPhone.TestCall bob = phone.add(CallDirection.INCOMING, "3302", "Bob Builder", CallState.INCOMING);
        Screenshots.spinUntil(display, () -> incoming.openWindows().size() == 1);
        IncomingCallWindow w = incoming.openWindows().get(0);
        assertEquals("Incoming call", w.shell().getText());
        assertTrue(w.shell().isVisible());
        assertEquals(List.of("Bob Builder", "3302"), labels(w.shell()));
        Screenshots.save(w.shell(), "incoming-call");
        // the caller gives up: the window goes
        phone.change(bob, CallState.ENDED, "Cancelled by the caller");
        Screenshots.spinUntil(display, w::isClosed);
        assertTrue(incoming.openWindows().isEmpty());

        TestPhone.TestCall carol = phone.add(CallDirection.INCOMING, "carol", "Carol Sales", CallState.INCOMING);
        Screenshots.spinUntil(display, () -> incoming.openWindows().size() == 1);
        IncomingCallWindow w2 = incoming.openWindows().get(0);
        press(w2.shell().getDefaultButton()); // Answer
        assertTrue(w2.isClosed());
        Screenshots.spinUntil(display, () -> !shown.isEmpty());
        assertEquals(List.of(carol), shown, "answering asks for the Softphone perspective");
        assertEquals(List.of("answer carol"), phone.actions);

        // declining from the window; a call answered elsewhere closes its window too
        TestPhone.TestCall dave = phone.add(CallDirection.INCOMING, "3305", null, CallState.INCOMING);
        Screenshots.spinUntil(display, () -> incoming.openWindows().size() == 1);
        assertEquals(List.of("3305", "3305", "You are in another call: answering puts it on hold."),
                labels(incoming.openWindows().get(0).shell()));
        phone.change(dave, CallState.ACTIVE, "");
        Screenshots.spinUntil(display, () -> incoming.openWindows().isEmpty());
        TestPhone.TestCall erin = phone.add(CallDirection.INCOMING, "3306", null, CallState.INCOMING);
        Screenshots.spinUntil(display, () -> incoming.openWindows().size() == 1);
        Button decline = Arrays.stream(incoming.openWindows().get(0).shell().getChildren())
                .filter(c -> c instanceof Button x && x.getText().replace("&", "").equals("Decline"))
                .map(Button.class::cast).findFirst().orElseThrow();
        press(decline);
        Screenshots.spinUntil(display, () -> incoming.openWindows().isEmpty());
        assertEquals(CallState.ENDED, erin.state());
        assertEquals(List.of("answer carol", "decline 3306"), phone.actions);
        ctx.get(IEventBroker.class).unsubscribe(h);
    }

    @Test
    void callListAndNotificationNameTheCallerFromThePhonebook() throws Exception {
        TestPhonebook book = new TestPhonebook().put("3302", "Bob (Phonebook)");
        ctx.set(ContactService.class, book);
        IncomingCallAddon incoming = ContextInjectionFactory.make(IncomingCallAddon.class, ctx);
        SoftphonePart part = openPart();

        // the phonebook's name wins over the display name the caller sent; the number stays in its own column
        phone.add(CallDirection.INCOMING, "3302", "Anybody Can Send This", CallState.INCOMING);
        Screenshots.spinUntil(display, () -> incoming.openWindows().size() == 1 && rows(part) == 1);
        assertEquals(List.of("Bob (Phonebook)", "3302"), labels(incoming.openWindows().get(0).shell()));
        assertEquals(List.of("3302", "Bob (Phonebook)"), row(part, 0).subList(0, 2));
        Screenshots.save(incoming.openWindows().get(0).shell(), "incoming-call-phonebook-name");

        // a number the phonebook does not know keeps the sent name, or the number alone
        phone.add(CallDirection.OUTGOING, "3309", "Sent Name", CallState.DIALING);
        phone.add(CallDirection.INCOMING, "sip:3310@sohosip.local", null, CallState.INCOMING);
        Screenshots.spinUntil(display, () -> rows(part) == 3 && incoming.openWindows().size() == 2);
        assertEquals(List.of("sip:3310@sohosip.local", "sip:3310@sohosip.local"),
                labels(incoming.openWindows().get(1).shell()).subList(0, 2));
        // a name the phonebook learns later reaches the call list without any call event (the timer repaints)
        book.put("3309", "Carol (Phonebook)");
        Screenshots.spinUntil(display, () -> rows(part) == 3 && List.of(row(part, 0), row(part, 1), row(part, 2))
                .stream().anyMatch(r -> r.get(0).equals("3309") && r.get(1).equals("Carol (Phonebook)")));
        assertEquals(0, book.listenerCount(), "the softphone asks the phonebook, it does not listen to it");
    }

    @Test
    void aNumberDroppedOnTheNumberFieldIsDialled() throws Exception {
        SoftphonePart part = openPart();
        DropTarget target = (DropTarget) part.number().getData(DND.DROP_TARGET_KEY);
        assertTrue(target != null, "the number field accepts drops");
        assertTrue(Arrays.stream(target.getTransfer()).anyMatch(TextTransfer.class::isInstance),
                "the Contacts table drags the number as text");

        DragAndDrop.drop(target, "+886 2 2345 6789\n");
        Screenshots.spinUntil(display, () -> rows(part) == 1);
        assertEquals(List.of("+886 2 2345 6789"), phone.dialled, "dialled like Enter, trimmed");
        assertEquals("", part.number().getText(), "the field is ready for the next number, as after Enter");
        assertTrue(part.lines().get(2).contains("Calling +886 2 2345 6789"), part.lines().toString());

        DragAndDrop.drop(target, "   ");
        assertEquals(1, phone.dialled.size(), "blank text dials nothing");
        // the same path as Enter: a failed dial keeps the dropped number in the field and says why
        DragAndDrop.drop(target, "999");
        Screenshots.spinUntil(display, () -> part.lines().get(2).startsWith("Could not call 999"));
        assertEquals("999", part.number().getText());
    }

    private static List<String> labels(Shell s) {
        return Arrays.stream(s.getChildren()).filter(Label.class::isInstance).map(c -> ((Label) c).getText())
                .toList();
    }

    @Test
    void registrationStateIsShownInTheStatusLineAndThePart() throws Exception {
        phone.register(RegistrationState.REGISTERING, "");
        RegistrationStatus status = ContextInjectionFactory.make(RegistrationStatus.class, ctx);
        SoftphonePart part = openPart();
        Screenshots.spinUntil(display, () -> status.text().equals("Registering\u2026"));
        part.number().setText("3302");
        assertFalse(part.actions().get(0).isEnabled(), "no dialling before the phone is registered");

        phone.register(RegistrationState.FAILED, "The server refused the password; log in again.");
        Screenshots.spinUntil(display,
                () -> status.text().equals("Not registered \u2014 The server refused the password; log in again."));
        Screenshots.spinUntil(display, () -> part.lines().get(0).equals(status.text()));
        phone.register(RegistrationState.NO_NETWORK, "");
        Screenshots.spinUntil(display, () -> status.text()
                .equals("Not registered \u2014 the server cannot be reached; the softphone keeps trying."));

        phone.audioProblem = java.util.Optional.of("No microphone was found: the other side hears silence.");
        phone.register(RegistrationState.REGISTERED, "");
        Screenshots.spinUntil(display, () -> status.text().equals("Registered"));
        Screenshots.spinUntil(display, () -> part.lines().get(0).equals("Registered"));
        assertEquals("No microphone was found: the other side hears silence.", part.lines().get(1));
        assertTrue(part.actions().get(0).isEnabled());
        Screenshots.save(shell, "softphone-registered-no-microphone");

        // without this registration the status line takes the installed service if there is one (logged out
        // here), or says the softphone is not installed: either way not registered, and nothing fails
        ctx.remove(PhoneRegistration.class);
        Screenshots.spinUntil(display, () -> status.text().startsWith("Not registered \u2014 "));
    }
}
