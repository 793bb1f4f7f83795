// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.app.internal;

import java.util.function.Consumer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.sohosip.client.core.MessageWaiting;
import org.sohosip.client.core.MessageWaitingState;

/**
 * Message waiting in the status line: "2 new voicemails (1 urgent)" as the server's last NOTIFY (or the voicemail
 * list) said, nothing while it is not known (logged out, or no voicemail on the server).
 */
public final class MessageWaitingStatus {

    private @Nullable Label label;
    private @Nullable MessageWaiting waiting;
    private final Consumer<MessageWaitingState> changed = s -> {
        Label l = label;
        if (l != null && !l.isDisposed()) {
            l.getDisplay().asyncExec(this::show);
        }
    };

    @PostConstruct
    void create(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        Label l = new Label(c, SWT.NONE);
        l.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        label = l;
        show();
    }

    @Inject
    void messageWaiting(@Optional @Nullable MessageWaiting w) {
        MessageWaiting old = waiting;
        if (old == w) {
            return;
        }
        if (old != null) {
            old.removeListener(changed);
        }
        if (w != null) {
            w.addListener(changed);
        }
        waiting = w;
        show();
    }

    private void show() {
        Label l = label;
        if (l == null || l.isDisposed()) {
            return;
        }
        MessageWaiting w = waiting;
        String t = text(w == null ? MessageWaitingState.UNKNOWN : w.state());
        if (!t.equals(l.getText())) {
            l.setText(t);
            // the trim bar sizes its controls once: ask it again for the new text's width
            l.getParent().getParent().layout(true, true);
        }
    }

    static String text(MessageWaitingState s) {
        if (!s.known()) {
            return "";
        }
        String count = switch (s.newMessages()) {
            case 0 -> Messages.Status_voicemailNone;
            case 1 -> Messages.Status_voicemailOne;
            default -> NLS.bind(Messages.Status_voicemailMany, s.newMessages());
        };
        return s.newUrgent() > 0 ? NLS.bind(Messages.Status_voicemailUrgent, count, s.newUrgent()) : count;
    }

    /** @return the text shown (for tests) */
    public String text() {
        Label l = label;
        return l == null ? "" : l.getText();
    }

    @PreDestroy
    void dispose() {
        MessageWaiting w = waiting;
        if (w != null) {
            w.removeListener(changed);
        }
        waiting = null;
    }
}
