// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.app.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.sohosip.client.core.CertificateTrustPrompt;
import org.sohosip.client.core.ServerCertificate;

/** Asks on the UI thread with {@link TrustCertificateDialog}, while the TLS handshake waits. */
final class UiTrustPrompt implements CertificateTrustPrompt {

    private final Display display;
    private final Supplier<Shell> parent;

    UiTrustPrompt(Display display, Supplier<Shell> parent) {
        this.display = display;
        this.parent = parent;
    }

    @Override
    public boolean trust(ServerCertificate certificate) {
        AtomicBoolean trusted = new AtomicBoolean();
        if (display.isDisposed()) {
            return false;
        }
        display.syncExec(() -> trusted.set(
                new TrustCertificateDialog(parent.get(), certificate).open() == Window.OK));
        return trusted.get();
    }
}
