// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.softphone.internal;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.sohosip.client.core.Call;

/**
 * A small window that stays on top while a call rings: who calls, Answer and Decline. It is not modal, so the
 * user can go on working; closing it leaves the call ringing (the Softphone perspective still offers it).
 */
public final class IncomingCallWindow {

    private final Shell shell;
    private final Call call;

    /**
     * @param display   the display
     * @param call      the ringing call
     * @param name      who calls, in words (see {@link CallNames}); empty when unknown
     * @param waiting   whether another call is in progress (call waiting)
     * @param onAnswer  runs after the call was answered from this window
     * @param onDecline runs after the call was declined from this window
     */
    public IncomingCallWindow(Display display, Call call, String name, boolean waiting, Runnable onAnswer, Runnable onDecline) {
        this.call = call;
        shell = new Shell(display, SWT.ON_TOP | SWT.TITLE | SWT.CLOSE | SWT.MODELESS);
        shell.setText(Messages.Incoming_title);
        shell.setLayout(new GridLayout(2, true));
        Label who = new Label(shell, SWT.NONE);
        who.setFont(JFaceResources.getHeaderFont());
        who.setText(name == null || name.isBlank() ? call.remoteParty() : name);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(who);
        Label number = new Label(shell, SWT.NONE);
        number.setText(call.remoteParty());
        GridDataFactory.fillDefaults().span(2, 1).applyTo(number);
        if (waiting) {
            Label hint = new Label(shell, SWT.WRAP);
            hint.setText(Messages.Incoming_waiting);
            GridDataFactory.fillDefaults().span(2, 1).hint(260, SWT.DEFAULT).applyTo(hint);
        }
        Button answer = button(Messages.Incoming_answer, () -> {
            call.answer();
            onAnswer.run();
        });
        button(Messages.Incoming_decline, () -> {
            call.decline();
            onDecline.run();
        });
        shell.setDefaultButton(answer);
        shell.pack();
        Point size = shell.getSize();
        shell.setSize(Math.max(size.x, 300), size.y);
        placeBottomRight(display);
    }

    private Button button(String text, Runnable action) {
        Button b = new Button(shell, SWT.PUSH);
        b.setText(text);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(b);
        b.addListener(SWT.Selection, e -> {
            action.run();
            close();
        });
        return b;
    }

    /** Where desktop notifications usually appear, so it covers as little work as possible. */
    private void placeBottomRight(Display display) {
        Rectangle area = display.getPrimaryMonitor().getClientArea();
        Point size = shell.getSize();
        shell.setLocation(area.x + area.width - size.x - 24, area.y + area.height - size.y - 48);
    }

    /** Shows the window on top of the others; Enter answers once it has the keyboard. */
    public void open() {
        shell.setVisible(true);
    }

    /** Closes the window (it can be closed once; later calls do nothing). */
    public void close() {
        if (!shell.isDisposed()) {
            shell.dispose();
        }
    }

    /** @return whether the window is gone */
    public boolean isClosed() {
        return shell.isDisposed();
    }

    /** @return the call it announces */
    public Call call() {
        return call;
    }

    /** @return the window's shell (for tests and screenshots) */
    public Shell shell() {
        return shell;
    }
}
