// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.app.internal;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.sohosip.client.core.SessionEvent;
import org.sohosip.client.core.SessionService;
import org.sohosip.core.Account;
import org.sohosip.ui.app.UiConstants;

/** The status line at the bottom: who is logged in and the state of the connection. */
public final class StatusLine {

    private @Nullable Label label;

    @PostConstruct
    void create(Composite parent, SessionService session,
            @Optional @Named(LifeCycle.REMEMBER_WARNING) @Nullable String warning,
            @Optional @Named(LifeCycle.OFFLINE) @Nullable String offline) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        Label l = new Label(c, SWT.NONE);
        l.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        label = l;
        show(session.current());
        if (offline != null) {
            l.setText(offline); // never logged in: "Logged out" would tell the user nothing
        }
        if (warning != null) {
            l.setText(l.getText() + " \u00b7 " + warning);
        }
    }

    @Inject
    @Optional
    void changed(@UIEventTopic(UiConstants.TOPIC_SESSION) SessionEvent event) {
        show(event);
    }

    /** @param e the state to show */
    public void show(SessionEvent e) {
        Label l = label;
        if (l == null || l.isDisposed()) {
            return;
        }
        l.setText(text(e));
        l.getParent().getParent().layout(true, true);
    }

    /** @return the text shown (for tests) */
    public String text() {
        Label l = label;
        return l == null ? "" : l.getText();
    }

    static String text(SessionEvent e) {
        Account a = e.account();
        String user = a == null ? "" : a.username();
        return switch (e.state()) {
            case LOGGED_IN -> NLS.bind(Messages.Status_loggedIn,
                    new Object[] { user, a == null ? "" : a.displayName(), String.valueOf(e.server()) });
            case CONNECTING -> Messages.Status_connecting;
            case CONNECTION_LOST -> NLS.bind(Messages.Status_lost, user, e.message());
            case LOGGED_OUT -> NLS.bind(Messages.Status_loggedOut, e.message() == null ? "" : ": " + e.message());
        };
    }
}
