// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.app.internal;

import jakarta.annotation.PostConstruct;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.sohosip.client.core.SessionService;
import org.sohosip.core.Account;

/** The welcome page every user sees: who they are, their extension and aliases. */
public final class HomePart {

    @PostConstruct
    void create(Composite parent, SessionService session) {
        parent.setLayout(new GridLayout(1, false));
        Label title = new Label(parent, SWT.NONE);
        title.setFont(JFaceResources.getHeaderFont());
        Label details = new Label(parent, SWT.WRAP);
        Label hint = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(600, SWT.DEFAULT).applyTo(hint);
        session.account().ifPresent((Account a) -> {
            title.setText(NLS.bind(Messages.Home_welcome, a.displayName()));
            details.setText(NLS.bind(Messages.Home_details, new Object[] { a.username(), a.extension(),
                    a.aliases().isEmpty() ? Messages.Home_noAliases : String.join(", ", a.aliases()),
                    session.server().map(Object::toString).orElse("") }));
            hint.setText(a.admin() ? Messages.Home_adminHint : Messages.Home_userHint);
        });
    }
}
