// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.softphone.internal;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.sohosip.client.core.PhoneRegistration;
import org.sohosip.client.core.RegistrationState;
import org.sohosip.ui.softphone.SoftphoneTopics;

/** The phone's registration state in the status line: Registered / Registering… / Not registered — why. */
public final class RegistrationStatus {

    private @Nullable Label label;
    private @Nullable PhoneRegistration registration;

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
    void registration(@Optional @Nullable PhoneRegistration r) {
        registration = r;
        show();
    }

    @Inject
    @Optional
    void changed(@UIEventTopic(SoftphoneTopics.REGISTRATION) RegistrationState state) {
        show();
    }

    private void show() {
        Label l = label;
        if (l == null || l.isDisposed()) {
            return;
        }
        String t = CallTexts.registration(registration);
        if (!t.equals(l.getText())) {
            l.setText(t);
            // the trim bar sizes its controls once: ask it again for the new text's width
            l.getParent().getParent().layout(true, true);
        }
    }

    /** @return the text shown (for tests) */
    public String text() {
        Label l = label;
        return l == null ? "" : l.getText();
    }
}
