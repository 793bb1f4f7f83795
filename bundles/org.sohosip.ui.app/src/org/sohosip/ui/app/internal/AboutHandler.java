// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.app.internal;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.sohosip.client.core.SessionService;

/** Help > About: version, server, Java and OSGi framework. */
public final class AboutHandler {

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, SessionService session) {
        MessageDialog.openInformation(shell, Messages.About_title, text(session));
    }

    static String text(SessionService session) {
        Bundle own = FrameworkUtil.getBundle(AboutHandler.class);
        Bundle system = own == null ? null : own.getBundleContext().getBundle(0);
        return NLS.bind(Messages.About_text, new Object[] { own == null ? "?" : own.getVersion().toString(),
                session.server().map(Object::toString).orElse("-"), System.getProperty("java.version"),
                System.getProperty("java.vendor"), system == null ? "?" : system.getSymbolicName(),
                system == null ? "" : system.getVersion().toString(), System.getProperty("os.name"),
                System.getProperty("os.version") });
    }
}
