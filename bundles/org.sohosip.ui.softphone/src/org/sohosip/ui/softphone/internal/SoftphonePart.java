// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.softphone.internal;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.sohosip.client.core.Call;
import org.sohosip.client.core.CallControls;
import org.sohosip.client.core.CallHold;
import org.sohosip.client.core.CallState;
import org.sohosip.client.core.ContactService;
import org.sohosip.client.core.PhoneRegistration;
import org.sohosip.client.core.RegistrationState;
import org.sohosip.client.core.Telephony;
import org.sohosip.ui.app.util.Background;
import org.sohosip.ui.softphone.SoftphoneTopics;

/**
 * The Softphone: a number field with a dial pad on the left, the calls and what can be done with the selected
 * one on the right, the registration state and any audio problem on top. Keyboard: digits and Backspace edit the
 * number and Enter dials; while a call is connected the digit keys and the pad send tones to it instead.
 */
public final class SoftphonePart {

    private static final String WORKER_THREAD = "SOHOSIP softphone";

    private @Nullable Telephony telephony;
    private @Nullable CallHold hold;
    private @Nullable CallControls controls;
    private @Nullable PhoneRegistration registration;
    private @Nullable ContactService contacts;

    private Label registrationText;
    private Label audioText;
    private String lastSeen = "";
    private Text number;
    private DialPad pad;
    private Button dial;
    private CallTable calls;
    private Button answer;
    private Button decline;
    private Button hangUp;
    private Button holdResume;
    private Button mute;
    private Label message;
    private final StringBuilder tones = new StringBuilder();

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(parent);
        registrationText = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(registrationText);
        audioText = new Label(parent, SWT.WRAP);
        audioText.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(500, SWT.DEFAULT).applyTo(audioText);

        Composite left = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(true).applyTo(left);
        GridDataFactory.fillDefaults().grab(false, true).applyTo(left);
        number = new Text(left, SWT.BORDER | SWT.SINGLE);
        number.setMessage(Messages.Softphone_number);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(240, SWT.DEFAULT).applyTo(number);
        number.addListener(SWT.DefaultSelection, e -> dial());
        number.addListener(SWT.Modify, e -> updateActions());
        acceptDroppedNumbers();
        pad = new DialPad(left, this::keyPressed);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(pad.control());
        dial = button(left, Messages.Softphone_dial, this::dial);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(dial);
        GridDataFactory.fillDefaults().grab(true, false)
                .applyTo(button(left, Messages.Softphone_delete, this::deleteLast));
        Label hint = new Label(left, SWT.WRAP);
        hint.setText(Messages.Softphone_keypadDtmf);
        GridDataFactory.fillDefaults().span(2, 1).hint(240, SWT.DEFAULT).applyTo(hint);

        Composite right = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(5).applyTo(right);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(right);
        calls = new CallTable(right, () -> contacts);
        calls.onTick(this::resync);
        GridDataFactory.fillDefaults().grab(true, true).span(5, 1).applyTo(calls.viewer().getControl());
        calls.viewer().addSelectionChangedListener(e -> updateActions());
        answer = button(right, Messages.Softphone_answer, () -> act(Call::answer));
        decline = button(right, Messages.Softphone_decline, () -> act(Call::decline));
        hangUp = button(right, Messages.Softphone_hangUp, () -> act(Call::hangUp));
        holdResume = button(right, Messages.Softphone_hold, this::holdOrResume);
        mute = new Button(right, SWT.TOGGLE);
        mute.setText(Messages.Softphone_mute);
        mute.addListener(SWT.Selection, e -> toggleMute());
        message = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(500, SWT.DEFAULT).applyTo(message);
        listenToKeys(parent);
        refresh();
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        GridDataFactory.fillDefaults().applyTo(b);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    @Inject
    void services(@Optional @Nullable Telephony t, @Optional @Nullable CallHold h, @Optional @Nullable CallControls c,
            @Optional @Nullable PhoneRegistration r) {
        telephony = t;
        hold = h;
        controls = c;
        registration = r;
        if (number != null && !number.isDisposed()) {
            refresh();
        }
    }

    @Inject
    void phonebook(@Optional @Nullable ContactService c) {
        contacts = c;
        if (calls != null && !calls.viewer().getControl().isDisposed()) {
            calls.viewer().refresh(true);
        }
    }

    /**
     * A contact dragged from the Contacts table (or any text, e.g. a number selected in a mail) and dropped on the
     * number field is dialled at once, as if typed and confirmed with Enter.
     */
    private void acceptDroppedNumbers() {
        DropTarget target = new DropTarget(number, DND.DROP_COPY | DND.DROP_MOVE | DND.DROP_DEFAULT);
        target.setTransfer(TextTransfer.getInstance());
        target.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                // the Contacts table offers copy only; a move would ask the source to delete its text
                event.detail = DND.DROP_COPY;
            }

            @Override
            public void dragOperationChanged(DropTargetEvent event) {
                event.detail = DND.DROP_COPY;
            }

            @Override
            public void drop(DropTargetEvent event) {
                if (event.data instanceof String text) {
                    dropped(text);
                }
            }
        });
    }

    /**
     * Puts a dropped number in the field and dials it through the same path as Enter. Only the first line counts:
     * a number never spans lines, and dialling a whole pasted paragraph would surprise the user.
     *
     * @param text the dropped text
     */
    void dropped(String text) {
        String first = text.strip().lines().findFirst().orElse("").strip();
        if (first.isEmpty()) {
            return;
        }
        number.setText(first);
        dial();
    }

    @Inject
    @Optional
    void callChanged(@UIEventTopic(SoftphoneTopics.CALL) Call call) {
        if (number == null || number.isDisposed()) {
            return;
        }
        if (call.state() == CallState.ENDED) {
            message.setText(call.endReason().isBlank() ? NLS.bind(Messages.Softphone_endedNoReason, call.remoteParty())
                    : NLS.bind(Messages.Softphone_ended, call.remoteParty(), call.endReason()));
        }
        refresh();
    }

    @Inject
    @Optional
    void registrationChanged(@UIEventTopic(SoftphoneTopics.REGISTRATION) RegistrationState state) {
        if (number != null && !number.isDisposed()) {
            refresh();
        }
    }

    /**
     * Shows the calls again when they changed without an event reaching this part: a change told while the part
     * was being created (answering in the incoming-call window opens this perspective) comes before it listens.
     */
    private void resync() {
        if (number != null && !number.isDisposed() && !seen().equals(lastSeen)) {
            refresh();
        }
    }

    private String seen() {
        Telephony t = telephony;
        return t == null ? "" : t.calls().stream().map(c -> c.id() + ":" + c.state()).collect(Collectors.joining(","));
    }

    /** Reads calls, registration and audio state from the services and shows them. */
    public void refresh() {
        lastSeen = seen();
        Telephony t = telephony;
        registrationText.setText(CallTexts.registration(registration));
        audioText.setText(t == null ? "" : t.audioProblem().orElse(""));
        List<Call> now = t == null ? List.of()
                : t.calls().stream().filter(c -> c.state() != CallState.ENDED).toList();
        calls.show(now);
        if (activeCall() == null) {
            tones.setLength(0);
        }
        updateActions();
        registrationText.getParent().layout(true, true);
    }

    /** Enables what makes sense for the selected call and the registration. */
    private void updateActions() {
        Call c = calls.selected();
        CallState s = c == null ? CallState.ENDED : c.state();
        PhoneRegistration r = registration;
        boolean registered = r == null || r.state() == RegistrationState.REGISTERED;
        dial.setEnabled(telephony != null && registered && !number.getText().isBlank());
        answer.setEnabled(s == CallState.INCOMING);
        decline.setEnabled(s == CallState.INCOMING);
        hangUp.setEnabled(s != CallState.INCOMING && s != CallState.ENDED);
        boolean connected = s == CallState.ACTIVE || s == CallState.ON_HOLD || s == CallState.REMOTE_HOLD;
        holdResume.setEnabled(hold != null && (s == CallState.ACTIVE || s == CallState.ON_HOLD));
        holdResume.setText(s == CallState.ON_HOLD ? Messages.Softphone_resume : Messages.Softphone_hold);
        CallControls cc = controls;
        mute.setEnabled(cc != null && connected);
        mute.setSelection(cc != null && c != null && connected && cc.isMuted(c));
        holdResume.getParent().layout(true);
    }

    private void act(java.util.function.Consumer<Call> action) {
        Call c = calls.selected();
        if (c == null) {
            return;
        }
        try {
            action.accept(c);
        } catch (RuntimeException e) {
            message.setText(NLS.bind(Messages.Softphone_actionFailed, e.getMessage()));
        }
    }

    private void holdOrResume() {
        CallHold h = hold;
        if (h != null) {
            act(c -> {
                if (c.state() == CallState.ON_HOLD) {
                    h.resume(c);
                } else {
                    h.hold(c);
                }
            });
        }
    }

    /** The service knows whether the call is muted; the button only shows it. */
    private void toggleMute() {
        CallControls cc = controls;
        if (cc != null) {
            act(c -> cc.setMuted(c, !cc.isMuted(c)));
        }
        updateActions();
    }

    /** Places a call to the number in the field, off the UI thread (the SIP stack may take a moment). */
    public void dial() {
        Telephony t = telephony;
        String target = number.getText().strip();
        if (t == null || target.isEmpty() || !dial.isEnabled()) {
            return;
        }
        message.setText(NLS.bind(Messages.Softphone_dialing, target));
        number.setText("");
        Background.run(number, WORKER_THREAD, () -> t.dial(target), call -> refresh(), e -> {
            message.setText(NLS.bind(Messages.Softphone_dialFailed, target, e.getMessage()));
            if (number.getText().isEmpty()) {
                number.setText(target); // nothing is lost: the user can correct it and try again
            }
        });
    }

    /** @return the one connected call that tones go to, or {@code null} */
    private @Nullable Call activeCall() {
        Telephony t = telephony;
        return t == null ? null : t.calls().stream().filter(c -> c.state() == CallState.ACTIVE).findFirst().orElse(null);
    }

    /** A pad key or a typed key: a tone during a call, a digit of the number otherwise. */
    private void keyPressed(char key) {
        Call active = activeCall();
        CallControls cc = controls;
        if (active != null && cc != null) {
            try {
                cc.sendDtmf(active, key);
                tones.append(key);
                message.setText(NLS.bind(Messages.Softphone_tonesSent, tones));
            } catch (RuntimeException e) {
                message.setText(NLS.bind(Messages.Softphone_actionFailed, e.getMessage()));
            }
            return;
        }
        number.insert(String.valueOf(key));
        number.setFocus();
    }

    private void deleteLast() {
        String t = number.getText();
        if (!t.isEmpty()) {
            number.setText(t.substring(0, t.length() - 1));
            number.setSelection(number.getText().length());
        }
    }

    /**
     * Digits and Backspace work wherever the focus is in the part (a digit typed elsewhere lands in the number
     * field); in the number field the field itself edits, except that digits become tones during a call.
     */
    private void listenToKeys(Control c) {
        c.addListener(SWT.KeyDown, this::key);
        if (c instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                listenToKeys(child);
            }
        }
    }

    private void key(Event e) {
        boolean inNumber = e.widget == number;
        boolean tone = DialPad.KEYS.indexOf(e.character) >= 0 && e.character != 0
                && (e.stateMask & (SWT.CTRL | SWT.ALT)) == 0;
        if (tone && (activeCall() != null || !inNumber)) {
            keyPressed(e.character);
            e.doit = false;
        } else if (!inNumber && e.character == SWT.BS) {
            deleteLast();
            e.doit = false;
        }
        // Enter dials from the number field only (its default selection): on a button Enter presses that button
    }

    @Focus
    void focus() {
        number.setFocus();
    }

    /** @return the number field (for tests) */
    public Text number() {
        return number;
    }

    /** @return the dial pad (for tests) */
    public DialPad pad() {
        return pad;
    }

    /** @return the call table (for tests) */
    public CallTable calls() {
        return calls;
    }

    /** @return the buttons Dial, Answer, Decline, Hang up, Hold/Resume, Mute (for tests) */
    public List<Button> actions() {
        return List.of(dial, answer, decline, hangUp, holdResume, mute);
    }

    /** @return the registration, audio and message lines (for tests) */
    public List<String> lines() {
        return List.of(registrationText.getText(), audioText.getText(), message.getText());
    }
}
